"""ipywidgets views: thin panels built from a scenario that call the core.

Every exercise panel is an :class:`ExercisePanel`: it shows inline feedback,
captures callback errors into a visible plain message (never a traceback for
a learner), and exposes the learner's answers as plain JSON-ready data
(``panel.answers()``), can restore them (``panel.restore(answers)``) and
tells listeners when they change (``panel.on_answers_changed(callback)``) so
the course can save them.
"""

from ._common import ExercisePanel, message_html

__all__ = ["ExercisePanel", "message_html"]
