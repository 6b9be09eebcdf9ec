"""Every error fncoach raises on purpose shares one base class."""

import pytest

from fncoach.briefing import BriefingError
from fncoach.cli._common import CommandError
from fncoach.errors import FncoachError
from fncoach.plan import PlanFileError
from fncoach.record import RecordError
from fncoach.scaling import ScaleError
from fncoach.scenario import ScenarioError
from fncoach.strength import WeightsFileError
from fncoach.yamlfile import YamlFileError


@pytest.mark.parametrize("error_class", [BriefingError, CommandError, PlanFileError, RecordError, ScaleError,
                                         ScenarioError, WeightsFileError, YamlFileError])
def test_every_error_is_a_fncoach_error(error_class):
    assert issubclass(error_class, FncoachError)


def test_a_bug_is_not_a_fncoach_error():
    assert not issubclass(KeyError, FncoachError)


@pytest.mark.parametrize("error_class", [PlanFileError, ScenarioError, WeightsFileError])
def test_every_file_error_comes_from_the_one_reader(error_class):
    assert issubclass(error_class, YamlFileError)
