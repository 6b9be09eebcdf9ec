"""Benchmark: eco-map render time for a 40-person network, and the builder's change → redraw time.

Run with ``python benchmarks/ecomap.py``. Prints median times over several
runs. Targets (issue 3): a 40-person eco-map drawn and rendered in under 1 s;
one change in the network builder re-analysed and redrawn within 0.5 s.
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fncoach.model import DOMAINS, TIE_QUALITIES, Person, Safety, Tie  # noqa: E402
from fncoach.examples import tiny_scenario  # noqa: E402


def synthetic_network(size: int):
    """The tiny test scenario grown to ``size`` people with every domain, tie quality and safety status."""
    tiny = tiny_scenario()
    people, ties = list(tiny.people), list(tiny.ties)
    for i in range(size - len(people)):
        domain = DOMAINS[i % len(DOMAINS)]
        status = ("safe", "safe", "to_explore", "worry")[i % 4]
        people.append(Person(id=f"p{i}", name=f"Person {i}", relationship="Family friend", domain=domain,
                             paid=domain == "professional", support=(("emotional",), ("practical",))[i % 2],
                             safety=Safety(status=status, reason="" if status == "safe" else "Not met yet.")))
        ties.append(Tie(a=tiny.child.id, b=f"p{i}", closeness=1 + i % 3, quality=TIE_QUALITIES[i % 7],
                        help=("b_to_a", "none", "both")[i % 3]))
        if i >= 3 and i % 3 == 0:
            ties.append(Tie(a=f"p{i}", b=f"p{i - 3}", quality=TIE_QUALITIES[(i // 3) % 7]))
    return tiny.model_copy(update={"people": tuple(people), "ties": tuple(ties)})


def _median(func, runs: int) -> str:
    """Median wall-clock and CPU seconds (CPU time is steadier on a busy machine)."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        func()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return f"{statistics.median(wall):.3f} s wall, {statistics.median(cpu):.3f} s CPU"


def main(runs: int = 7) -> None:
    from fncoach.ui.network import build_network_builder_panel
    from fncoach.viz.ecomap import draw_ecomap

    scenario = synthetic_network(40)
    draw_ecomap(scenario)  # warm up fonts and caches

    def render(dpi: int) -> None:
        buffer = io.BytesIO()
        draw_ecomap(scenario).figure.savefig(buffer, format="png", dpi=dpi)

    print(f"eco-map, 40 people: draw only            {_median(lambda: draw_ecomap(scenario), runs)}")
    print(f"eco-map, 40 people: draw + PNG at 100 dpi {_median(lambda: render(100), runs)}  (target < 1 s)")
    print(f"eco-map, 40 people: draw + PNG at 150 dpi {_median(lambda: render(150), runs)}")

    panel = build_network_builder_panel(scenario)
    counter = iter(range(10_000))

    def one_change() -> None:
        panel.person_pick.value = "__new__"
        panel.person_name.value = f"Helper {next(counter)}"
        panel.person_relationship.value = "Neighbour"
        panel.person_save.click()  # apply_changes + analyse_strength + eco-map redrawn to PNG
        assert not panel.message.value, panel.message.value
        panel.history.pop()  # back to 40 people without redrawing, so every run measures the same change
        panel.scenario = panel._states.pop()

    print(f"builder, 40 people: one change re-analysed and redrawn {_median(one_change, runs)}  (target < 0.5 s)")
    print(f"(load average now: {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs)")


if __name__ == "__main__":
    main()
