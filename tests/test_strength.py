"""Network strength: every component on hand-built networks checked on paper."""

from __future__ import annotations

import pytest

from fncoach.model import STRENGTH_COMPONENTS
from fncoach.scenario import load_scenario
from fncoach.strength import (DEFAULT_WEIGHTS, WeightsFileError, analyse_strength, load_weights, merge_weights,
                              single_points_of_failure)
from netbuild import person, scenario, star, tie, bundled_scenario_files


def value(s, name, **kw):
    return analyse_strength(s, **kw).component(name).value


# --------------------------------------------------------------------------- size and support


def test_size_counts_only_known_safe_unpaid_people():
    s = scenario([
        person("a"), person("b", safety={"status": "to_explore", "reason": "Not met yet."}),
        person("c", safety={"status": "worry", "reason": "Hit Sam."}),
        person("sw", domain="professional"),
        person("d", not_yet_known={"found_by": ["schools"], "clue": "Sam talks about d."}),
    ])
    c = analyse_strength(s).component("safe_natural_size")
    assert c.value == pytest.approx(2 / 8)
    assert "A and B" in c.reason and "C is not counted while there is a worry" in c.reason
    assert "B still needs to be explored" in c.reason
    assert value(s, "safe_natural_size", people=["a", "b", "d"]) == pytest.approx(3 / 8)


def test_size_saturates_at_eight():
    s = scenario([person(f"p{i}") for i in range(10)])
    assert value(s, "safe_natural_size") == 1.0


def test_support_breadth_star_and_removing_only_practical_helper():
    s = star(3)
    c = analyse_strength(s).component("support_breadth")
    # emotional: 4 givers -> 1; practical: Hana only -> 1/2; information: nobody -> 0
    assert c.value == pytest.approx((1 + 0.5 + 0) / 3)
    assert "Only Hana gives practical help." in c.reason
    assert "Nobody gives information and advice." in c.reason
    without_hub = analyse_strength(s, people=["leaf1", "leaf2", "leaf3"]).component("support_breadth")
    assert without_hub.value == pytest.approx(1 / 3)
    assert "Nobody gives practical help and information and advice." in without_hub.reason
    assert "school runs" in without_hub.suggestion


def test_support_breadth_full_when_two_of_each():
    both = ("emotional", "practical", "information")
    s = scenario([person("a", support=both), person("b", support=both)])
    c = analyse_strength(s).component("support_breadth")
    assert c.value == 1.0 and "two or more people" in c.reason


# --------------------------------------------------------------------------- closeness, domains, professionals


def test_closeness_and_contact_by_hand():
    s = scenario([person("a", "Ann"), person("b", "Bob"), person("c", "Cal")],
                 [tie("sam", "a", closeness=3, contact="daily"), tie("b", "sam", closeness=1, contact="never")])
    c = analyse_strength(s).component("closeness_contact")
    # Ann (1 + 1)/2 = 1; Bob (1/3 + 0)/2 = 1/6; Cal has no tie to Sam: 0
    assert c.value == pytest.approx((1 + 1 / 6 + 0) / 3)
    assert "Ann is close to Sam" in c.reason
    assert "Bob (never)" in c.reason and "how Cal is linked" in c.reason
    assert "Bob and Cal" in c.suggestion


def test_domain_spread():
    s = scenario([person("a", domain="family"), person("b", domain="friends"), person("c", domain="family"),
                  person("sw", domain="professional")])
    c = analyse_strength(s).component("domain_spread")
    assert c.value == pytest.approx(2 / 4)
    assert "family and friends" in c.reason and "home, school/work or community/faith" in c.reason
    five = scenario([person(d, domain=d) for d in ("household", "family", "friends", "school_work", "community_faith")])
    assert value(five, "domain_spread") == 1.0


def test_professional_reliance_weighs_support_given():
    s = scenario([
        person("a", support=("emotional", "practical")),
        person("sw", "Sue", domain="professional", support=("information",)),
        person("iro", domain="professional", support=(), safety={"status": "worry", "reason": "Test only."}),
    ])
    c = analyse_strength(s).component("professional_reliance")
    assert c.value == pytest.approx(2 / 3)  # a weighs 2, Sue weighs 1, the worry is not counted
    assert "Sue is a professional" in c.reason and "Information and advice comes only from professionals" in c.reason
    assert value(scenario([person("a")]), "professional_reliance") == 1.0


def test_foster_carers_support_is_not_leaning_on_professionals():
    carer = person("fc", "Siobhan", domain="household", paid=True, relationship="Long-term foster carer",
                   support=("emotional", "practical", "information"))
    s = scenario([person("a", support=("emotional",)), carer,
                  person("sw", "Sue", domain="professional", support=("information",))])
    c = analyse_strength(s).component("professional_reliance")
    assert c.value == pytest.approx(4 / 5)  # a 1 + Siobhan 3 on the network's side, Sue 1 leaning: 1 - 1/5
    assert "Sue is a professional and gives about 20% of the support" in c.reason
    assert "Siobhan is a carer in Sam's everyday life, not a professional who steps back" in c.reason
    assert "lasting relationship" in c.reason and "placement can end" in c.reason
    assert "comes only from professionals" not in c.reason  # Siobhan gives information and advice too
    # With no professional at all, a carer's support leaves the value at 1.
    alone = analyse_strength(scenario([person("a"), carer])).component("professional_reliance")
    assert alone.value == 1.0 and "no professional" in alone.reason.lower() and "from carers" in alone.reason


def test_a_teacher_paid_to_be_there_counts_as_a_professional():
    teacher = person("ms_k", "Ms K", domain="school_work", paid=True, relationship="Class teacher")
    c = analyse_strength(scenario([person("a"), teacher])).component("professional_reliance")
    assert c.value == pytest.approx(0.5) and "Ms K is a professional" in c.reason


# --------------------------------------------------------------------------- interconnection and failure points


def test_interconnection_two_pairs():
    s = scenario([person(i) for i in "abcd"], [tie("a", "b"), tie("c", "d")])
    c = analyse_strength(s).component("interconnection")
    # density 2/6 -> 0.5 * (1/3 / 0.5); clusters 2 -> 0.5 * (4 - 2)/(4 - 1)
    assert c.value == pytest.approx(0.5 * (2 / 3) + 0.5 * (2 / 3))
    assert "2 separate groups" in c.reason


def test_interconnection_star_full_and_cut_off_ties_do_not_count():
    assert value(star(3), "interconnection") == 1.0  # density 3/6 = target, one cluster
    s = scenario([person("a"), person("b")], [tie("a", "b", quality="cut_off")])
    c = analyse_strength(s).component("interconnection")
    assert c.value == 0.0 and "do not know each other" in c.reason
    assert value(scenario([person("a")]), "interconnection") == 0.0


def test_star_hub_is_single_point_of_failure():
    s = star(3)
    points = single_points_of_failure(s)
    assert points == {"sole_givers": (("practical", "hub"),), "only_links": ("hub",)}
    c = analyse_strength(s).component("single_points_of_failure")
    assert c.value == pytest.approx(1 - 0.25 * 2)
    assert "If Hana could not help, nobody else gives practical help." in c.reason
    assert "Without Hana, Leaf 1, Leaf 2 and Leaf 3 would lose touch with each other." in c.reason
    assert "Hana" in c.suggestion


def test_triangle_has_no_single_point_of_failure():
    both = ("emotional", "practical", "information")
    s = scenario([person(i, support=both) for i in "abc"], [tie("a", "b"), tie("b", "c"), tie("a", "c")])
    assert value(s, "single_points_of_failure") == 1.0


def test_many_failure_points_floor_at_zero():
    chain = [person(f"p{i}", support=()) for i in range(7)]
    s = scenario(chain, [tie(f"p{i}", f"p{i + 1}") for i in range(6)])
    assert single_points_of_failure(s)["only_links"] == ("p1", "p2", "p3", "p4", "p5")
    assert value(s, "single_points_of_failure") == 0.0


# --------------------------------------------------------------------------- ties, length, plan


def test_stressful_ties_share():
    s = scenario([person("a", "Ann"), person("b", "Bob"), person("c", safety={"status": "worry", "reason": "Test."})],
                 [tie("sam", "a"), tie("sam", "b"), tie("a", "b", quality="conflict"), tie("sam", "c", quality="cut_off")])
    c = analyse_strength(s).component("stressful_ties")
    assert c.value == pytest.approx(0.5)
    assert "Ann and Bob (in conflict)" in c.reason and "Sam and C (cut off)" in c.reason
    assert value(scenario([person("a")]), "stressful_ties") == 1.0


def test_relationship_length_by_hand():
    s = scenario([person("a"), person("b"), person("c"), person("d")],
                 [tie("sam", "a", years_known=10), tie("sam", "b", years_known=2.5), tie("sam", "c")], age=10)
    c = analyse_strength(s).component("relationship_length")
    assert c.value == pytest.approx((1 + 0.5 + 0.5 + 0) / 4)
    assert "We do not know how long C and D" in c.reason
    young = scenario([person("a")], [tie("sam", "a", years_known=2)], age=2)
    assert value(young, "relationship_length") == 1.0  # known all their life


def test_plan_backup_share():
    tasks = [{"id": t, "title": t.title(), "kind": "visit", "when": {"weekly": ["sat"], "start": "10:00", "end": "11:00"}}
             for t in ("one", "two", "three")]
    s = scenario([person("a", "Ann"), person("b"), person("w", safety={"status": "worry", "reason": "Test."})],
                 tasks=tasks,
                 model_plan=[{"task": "one", "primary": "a", "backups": ["b"]},
                             {"task": "two", "primary": "a", "backups": ["w"]}])
    c = analyse_strength(s).component("plan_backup")
    assert c.value == pytest.approx(1 / 3)
    assert "Nobody backs up Ann for 'Two'" in c.reason and "'Three'" in c.reason
    from fncoach.model import Assignment

    mine = [Assignment(task=t, primary="a", backups=("b",)) for t in ("one", "two", "three")]
    assert value(s, "plan_backup", plan=mine) == 1.0
    from fncoach.plan import backup_share

    # One idea, computed in one place: the component is the plan module's backup share.
    assert c.value == backup_share(s, s.plan.model_plan)
    assert value(s, "plan_backup", plan=mine) == backup_share(s, mine)


# --------------------------------------------------------------------------- overall score and weights


def test_score_is_weighted_mean_by_hand():
    s = star(3)
    report = analyse_strength(s)
    expected = sum(DEFAULT_WEIGHTS[c.name] * c.value for c in report.components) / sum(DEFAULT_WEIGHTS.values())
    assert report.score == int(expected * 100 + 0.5)
    assert [c.name for c in report.components] == list(STRENGTH_COMPONENTS)


def test_weights_override_changes_score_as_computed_by_hand():
    s = star(3)
    only_two = {name: 0 for name in STRENGTH_COMPONENTS} | {"safe_natural_size": 1, "single_points_of_failure": 3}
    # size 4/8 = 0.5 (weight 1), failure points 0.5 (weight 3): (0.5 + 1.5) / 4 = 0.5 -> 50
    assert analyse_strength(s, only_two).score == 50
    only_size = {name: 0 for name in STRENGTH_COMPONENTS} | {"safe_natural_size": 2}
    assert analyse_strength(s, only_size).score == 50
    # weights in the scenario's settings are used, and explicit weights win over them
    s2 = star(3).model_copy(update={"settings": s.settings.model_copy(update={"strength_weights": only_two})})
    assert analyse_strength(s2).score == 50
    assert analyse_strength(s2, {"interconnection": 4}).score == int(100 * (0.5 + 1.5 + 4 * 1.0) / 8 + 0.5)


@pytest.mark.parametrize("weights, message", [
    ({"sizee": 1}, "'sizee' is not a strength component"),
    ({"plan_backup": -1}, "must be 0 or more"),
    ({"plan_backup": "lots"}, "must be a number"),
    ({name: 0 for name in STRENGTH_COMPONENTS}, "at least one weight"),
])
def test_bad_weights_are_plain_errors(weights, message):
    with pytest.raises(ValueError, match=message):
        merge_weights(star(2), weights)


def test_load_weights(tmp_path):
    good = tmp_path / "w.yaml"
    good.write_text("# my weights\nplan_backup: 2\ndomain_spread: 0\n", encoding="utf-8")
    assert load_weights(good) == {"plan_backup": 2.0, "domain_spread": 0.0}
    report = analyse_strength(star(2), load_weights(good))
    assert report.component("plan_backup").weight == 2.0 and report.component("domain_spread").weight == 0.0


@pytest.mark.parametrize("text, line, field, words", [
    ("plan_backup: 1\nplan_bakup: 2\n", 2, "plan_bakup", "Did you mean 'plan_backup'?"),
    ("plan_backup: -2\n", 1, "plan_backup", "must be 0 or more"),
    ("plan_backup: lots\n", 1, "plan_backup", "must be a number"),
    ("- plan_backup\n", 1, "", "'component: weight' lines"),
    ("plan_backup: [1\n", 2, "", "not valid YAML"),
])
def test_load_weights_errors_name_file_line_and_key(tmp_path, text, line, field, words):
    path = tmp_path / "weights.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WeightsFileError) as caught:
        load_weights(path)
    problem = caught.value.problems[0]
    assert problem.file == str(path) and problem.line == line and problem.field == field
    assert words in str(problem)


def test_load_weights_missing_file(tmp_path):
    with pytest.raises(WeightsFileError, match="no weights file"):
        load_weights(tmp_path / "nope.yaml")


@pytest.mark.parametrize(("text", "line", "column", "field", "words"), [
    ("plan_backup: 1\nsupport_breadth: 2\nplan_backup: 3\n", 3, 1, "plan_backup", "this key appears twice in the same place"),
    ("plan_backup: yes\n", 1, 14, "plan_backup", "the weight for plan_backup must be a number"),
    ("plan_backup: true\n", 1, 14, "plan_backup", "the weight for plan_backup must be a number"),
    ("plan_backup: .inf\n", 1, 14, "plan_backup", "the weight for plan_backup must be a number"),
    ("# mine\nplan_backup: -0.5\n", 2, 14, "plan_backup", "must be 0 or more, not -0.5"),
    ("plan_backup: 1\nsize: 2\n", 2, 1, "size", "'size' is not a strength component. Use one of: safe_natural_size"),
    ("plan_backup: 1\n  bad: 2\n", 2, 6, "", "not valid YAML (mapping values are not allowed here)"),
    ("plan_backup: !!python/name:os.system\n", 1, 14, "", "Python object tag"),
])
def test_weights_file_report_is_the_same_as_for_scenarios(tmp_path, text, line, column, field, words):
    path = tmp_path / "weights.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WeightsFileError) as caught:
        load_weights(path)
    assert str(caught.value).startswith("the weights file has 1 problem:")
    (problem,) = caught.value.problems
    assert (problem.line, problem.column, problem.field) == (line, column, field), str(problem)
    assert str(problem).startswith(f"{path}:{line}:{column}:") and words in str(problem)


def test_a_weights_problem_is_not_a_scenario_problem(tmp_path):
    from fncoach.errors import FncoachError
    from fncoach.scenario import ScenarioError

    path = tmp_path / "weights.yaml"
    path.write_text("plan_bakup: 1\n", encoding="utf-8")
    with pytest.raises(FncoachError) as caught:
        load_weights(path)
    assert isinstance(caught.value, WeightsFileError) and not isinstance(caught.value, ScenarioError)


# --------------------------------------------------------------------------- edge cases and real scenarios


def test_child_alone_scores_zero_without_errors():
    s = star(2)
    report = analyse_strength(s, people=[])
    assert report.score == 0
    assert all(c.value == 0 and c.reason and c.suggestion for c in report.components)
    assert "nobody yet in Sam's network" in report.component("safe_natural_size").reason


def test_only_professionals_scores_zero_and_says_so():
    report = analyse_strength(scenario([person("sw", "Sue", domain="professional")]))
    assert report.score == 0
    assert "Sue is known, but paid to be there or a worry" in report.components[0].reason


def test_unknown_person_id_in_people():
    with pytest.raises(ValueError, match="'ghost' is not a person"):
        analyse_strength(star(2), people=["ghost"])


def test_tiny_fixture_by_hand(tiny):
    report = analyse_strength(tiny)
    assert report.component("safe_natural_size").value == pytest.approx(2 / 8)  # Gran and Dev
    assert report.component("stressful_ties").value == pytest.approx(1 - 2 / 6)
    assert report.component("plan_backup").value == 1.0
    assert "Only Gran Róisín gives emotional support." in report.component("support_breadth").reason


@pytest.mark.parametrize("path", bundled_scenario_files(), ids=lambda p: p.stem)
def test_every_bundled_scenario_analyses(path):
    s = load_scenario(path)
    report = analyse_strength(s)
    assert 0 <= report.score <= 100
    assert [c.name for c in report.components] == list(STRENGTH_COMPONENTS)
    for c in report.components:
        assert 0.0 <= c.value <= 1.0
        assert c.reason.strip() and c.suggestion.strip() and c.title
    all_people = analyse_strength(s, people=[p.id for p in s.people])
    assert 0 <= all_people.score <= 100
    assert report.to_dict()["score"] == report.score


def test_worked_example_in_the_docs_matches_the_code(tiny):
    """docs/network-strength.md quotes real numbers for the tiny scenario: keep them true."""
    from pathlib import Path

    from fncoach.finding import ask
    from fncoach.whatif import AddTie, RemovePerson, what_if

    doc = (Path(__file__).resolve().parent.parent / "docs" / "network-strength.md").read_text(encoding="utf-8")
    report = analyse_strength(tiny)
    assert report.score == 59 and "rounds to **59**" in doc
    for component in report.components:
        assert f"| {component.value:.3f} | {component.weight:g} | {component.weight * component.value:.3f} |" in doc
    gone = what_if(tiny, RemovePerson("gran")).headline
    linked = what_if(tiny, AddTie({"a": "gran", "b": "uncle_dev", "contact": "monthly"})).headline
    flat = " ".join(doc.split())
    assert gone + "." in flat and linked + "." in flat
    assert ask(tiny, ["mothers_side"]).after.score == 72 and "from 59 to 72" in doc
