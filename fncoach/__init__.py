"""fncoach: practice coaching and training for Family Networking.

The package root re-exports the few names a notebook or a coach uses.
The core (``model``, ``scenario`` and the analysis modules) never imports
ipywidgets, matplotlib, IPython, papermill or jinja2 (printable pages are
rendered by ``fncoach.pages``).
"""

from .model import Scenario
from .scenario import Problem, ScenarioError, load_scenario, save_scenario

__all__ = ["Scenario", "Problem", "ScenarioError", "load_scenario", "save_scenario", "__version__"]

__version__ = "0.1.0"
