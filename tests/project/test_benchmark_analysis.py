"""What `make bench` concludes from its figures (benchmarks/analysis.py): the targets'
arithmetic, the evidence rule (a busy machine or a wide spread is never "met"), and the
History kept across the report's rewrites. Nothing is timed and no server runs here."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import analysis
from benchmarks.analysis import (
    MET,
    NOT_EVIDENCE,
    NOT_MEASURED,
    NOT_MET,
    Conditions,
    Figure,
    Key,
)

DOC = Path(__file__).resolve().parents[2] / "docs" / "benchmarks.md"

QUIET = Conditions(
    load_at_start=0.2, rounds=9, seconds=0.5, warmup_seconds=3.0, warmup_requests=2000
)
MEMORY = {"walk_peak": 1_000_000, "one_page_peak": 1_000_000}


def steady(median: float) -> list[float]:
    """Nine rounds within 2% of each other."""
    return [median * factor for factor in (0.99, 1.0, 1.01, 1.0, 0.995, 1.0, 1.005, 1.0, 1.0)]


def figures(**medians: float) -> dict[Key, Figure]:
    """Figures for every target, each overridable as side__variant__workload=median."""
    defaults = {
        ("python", "shared", "get_one"): 300e-6,
        ("node", "shared", "get_one"): 320e-6,
        ("python", "floor", "get_one"): 270e-6,
        ("python", "async", "get_one"): 3300.0,
        ("node", "async", "get_one"): 2500.0,
        ("python", "floor_async", "get_one"): 3600.0,
        ("python", "shared", "prisoner_list"): 1400e-6,
        ("node", "shared", "prisoner_list"): 1900e-6,
        ("python", "async", "prisoner_list"): 700.0,
        ("node", "async", "prisoner_list"): 550.0,
        ("python", "shared", "walk"): 5.4e-3,
        ("node", "shared", "walk"): 8.2e-3,
        ("python", "async", "walk"): 60.0,
        ("node", "async", "walk"): 50.0,
        ("python", "new", "get_one"): 320e-6,
    }
    for name, value in medians.items():
        key = tuple(name.split("__"))
        assert key in defaults, key
        defaults[key] = value  # type: ignore[index]
    return analysis.figures_of({key: steady(value) for key, value in defaults.items()})


def statuses(verdict: analysis.Verdict) -> list[str]:
    return [outcome.status for outcome in verdict.outcomes]


def test_figure_median_range_and_spread() -> None:
    figure = Figure.of([2.0, 1.0, 4.0, 3.0, 2.0])
    assert (figure.median, figure.low, figure.high) == (2.0, 1.0, 4.0)
    assert figure.spread == pytest.approx(1.5)  # (4 - 1) / 2


def test_the_ten_targets_are_the_issues() -> None:
    targets = {(t.measured, t.against): (t.threshold, t.at_most) for t in analysis.TARGETS}
    assert targets == {
        (("python", "shared", "get_one"), ("node", "shared", "get_one")): (1.0, True),
        (("python", "shared", "get_one"), ("python", "floor", "get_one")): (1.15, True),
        (("python", "async", "get_one"), ("node", "async", "get_one")): (1.0, False),
        (("python", "async", "get_one"), ("python", "floor_async", "get_one")): (0.85, False),
        (("python", "shared", "prisoner_list"), ("node", "shared", "prisoner_list")): (0.8, True),
        (("python", "async", "prisoner_list"), ("node", "async", "prisoner_list")): (1.25, False),
        (("python", "shared", "walk"), ("node", "shared", "walk")): (0.8, True),
        (("python", "async", "walk"), ("node", "async", "walk")): (1.25, False),
        (("python", "new", "get_one"), ("python", "shared", "get_one")): (1.15, True),
        ("walk_peak", "one_page_peak"): (1.5, True),
    }


def test_ratios_are_of_medians_and_compared_with_each_threshold() -> None:
    verdict = analysis.verdict(
        figures(python__floor__get_one=250e-6, python__floor_async__get_one=4000.0),
        {"walk_peak": 1_600_000, "one_page_peak": 1_000_000},
        QUIET,
    )
    assert verdict.evidence
    found = {outcome.target.name: outcome for outcome in verdict.outcomes}
    ratios = [outcome.ratio for outcome in verdict.outcomes]
    assert ratios == pytest.approx(
        [
            300 / 320,
            300 / 250,
            3300 / 2500,
            3300 / 4000,
            1400 / 1900,
            700 / 550,
            5.4 / 8.2,
            60 / 50,
            320 / 300,
            1.6,
        ]
    )
    assert statuses(verdict) == [MET, NOT_MET, MET, NOT_MET, MET, MET, MET, NOT_MET, MET, NOT_MET]
    assert verdict.met == 6
    assert found["2,000-record walk: peak memory vs one page"].within is False


def test_thresholds_are_inclusive() -> None:
    verdict = analysis.verdict(
        figures(node__shared__get_one=300e-6, python__new__get_one=345e-6),
        MEMORY,
        QUIET,
    )
    assert verdict.outcomes[0].ratio == pytest.approx(1.0)
    assert verdict.outcomes[0].status == MET
    assert verdict.outcomes[8].ratio == pytest.approx(1.15)
    assert verdict.outcomes[8].status == MET
    # a thousandth over is over
    over = analysis.verdict(figures(python__new__get_one=345.3e-6), MEMORY, QUIET)
    assert over.outcomes[8].ratio == pytest.approx(1.151)
    assert over.outcomes[8].status == NOT_MET


def test_a_missing_figure_is_not_measured() -> None:
    found = figures()
    del found[("python", "floor_async", "get_one")]
    verdict = analysis.verdict(found, MEMORY, QUIET)
    assert verdict.outcomes[3].status == NOT_MEASURED
    assert verdict.outcomes[3].ratio is None


def test_a_busy_machine_is_no_evidence_for_any_target() -> None:
    busy = Conditions(
        load_at_start=1.3, rounds=9, seconds=0.5, warmup_seconds=3.0, warmup_requests=2000
    )
    verdict = analysis.verdict(figures(), MEMORY, busy)
    assert not verdict.evidence
    assert set(statuses(verdict)) == {NOT_EVIDENCE}
    assert verdict.met == 0
    assert verdict.reasons == ("the 1-minute load average was 1.30 at the start (above 1.0): "
                               "something else was running",)  # fmt: skip
    # the ratios are still worked out and shown
    assert all(outcome.ratio is not None for outcome in verdict.outcomes)


def test_other_processes_running_during_the_run_is_no_evidence() -> None:
    during = Conditions(0.2, 9, 0.5, 3.0, 2000, other_cpu=0.98)
    verdict = analysis.verdict(figures(), MEMORY, during)
    assert set(statuses(verdict)) == {NOT_EVIDENCE}
    assert verdict.reasons == ("other processes used 98% of a core on average during the run "
                               "(above 15%): something else was running",)  # fmt: skip
    # a little background (kernel threads, the machine's agent) is not
    assert analysis.verdict(figures(), MEMORY, Conditions(0.2, 9, 0.5, 3.0, 2000, 0.03)).evidence


def test_a_load_of_exactly_one_is_still_evidence() -> None:
    conditions = Conditions(
        load_at_start=1.0, rounds=9, seconds=0.5, warmup_seconds=3.0, warmup_requests=2000
    )
    assert analysis.verdict(figures(), MEMORY, conditions).evidence


def test_a_wide_spread_in_a_figure_a_target_uses_is_no_evidence() -> None:
    found = figures()
    # Node's get one over nine rounds: median 320 µs, 250 to 400 µs: 47%
    found[("node", "shared", "get_one")] = Figure.of(
        [e * 1e-6 for e in (250, 300, 310, 320, 320, 330, 340, 360, 400)]
    )
    verdict = analysis.verdict(found, MEMORY, QUIET)
    assert set(statuses(verdict)) == {NOT_EVIDENCE}
    assert verdict.reasons == ("node shared get_one spread by 47% over the rounds (above 30%)",)


def test_a_wide_spread_elsewhere_does_not_count() -> None:
    found = figures()
    found[("python", "shared", "between")] = Figure.of([1.0, 2.0, 3.0])
    assert analysis.verdict(found, MEMORY, QUIET).evidence


def test_a_spread_of_exactly_thirty_percent_is_still_evidence() -> None:
    found = figures()
    found[("python", "floor", "get_one")] = Figure.of([0.85, 1.0, 1.15])
    assert analysis.verdict(found, MEMORY, QUIET).evidence


@pytest.mark.parametrize(
    ("conditions", "reason"),
    [
        (Conditions(0.2, 6, 0.5, 3.0, 2000), "6 round(s), fewer than 7"),
        (Conditions(0.2, 9, 0.1, 3.0, 2000), "0.1 s timed per round, under 0.5 s"),
        (
            Conditions(0.2, 9, 0.5, 0.3, 2000),
            "a warm-up of 0.3 s and 2,000 requests, under 2 s and 1,000",
        ),
        (
            Conditions(0.2, 9, 0.5, 3.0, 50),
            "a warm-up of 3 s and 50 requests, under 2 s and 1,000",
        ),
    ],
)
def test_a_short_run_is_no_evidence(conditions: Conditions, reason: str) -> None:
    verdict = analysis.verdict(figures(), MEMORY, conditions)
    assert verdict.reasons == (reason,)
    assert MET not in statuses(verdict)


def test_every_reason_is_given() -> None:
    found = figures()
    found[("python", "async", "get_one")] = Figure.of([1000.0, 2000.0, 3000.0])
    verdict = analysis.verdict(found, MEMORY, Conditions(2.5, 1, 0.1, 0.3, 20, 0.5))
    assert len(verdict.reasons) == 6


# --- History --------------------------------------------------------------------------------


def test_the_committed_report_s_rows_are_read_as_the_earlier_method() -> None:
    history = analysis.read_history(DOC.read_text(encoding="utf-8"))
    assert history.earlier, "docs/benchmarks.md has History rows"
    assert all(row.startswith("| 2026-") for row in history.earlier)
    # rows of this method come only from a table with an evidence column
    assert all("| evidence |" not in row for row in history.rows)


def _page(history: analysis.History, row: str | None) -> str:
    return "\n".join(["# Benchmarks", "", "## Targets", "", "| a |", "|---|", "| x |", "",
                      *analysis.history_section(history, row)])  # fmt: skip


def test_history_is_kept_across_rewrites() -> None:
    earlier = ("| 2026-11-25 19:03 | old | 399 / 574 | 421 / 838 | 3,152 / 2,248 "
               "| 2,053 / 2,060 | 1.5x | 1.01x | 6/6 | 0.6 before, 1.0 after |",)  # fmt: skip
    first = "| 2026-12-05 10:00 | abc first | yes | 0.20 | " + " | ".join(["-"] * 8) + " |"
    second = (
        "| 2026-12-06 10:00 | def second | no (1 reasons) | 1.40 | " + " | ".join(["-"] * 8) + " |"
    )
    page = _page(analysis.History((), earlier), first)
    history = analysis.read_history(page)
    assert history == analysis.History((first,), earlier)
    page = _page(history, second)
    assert analysis.read_history(page) == analysis.History((first, second), earlier)
    # the earlier rows stay below, under their own heading and header
    assert page.index(second) < page.index(analysis.EARLIER_HEADING) < page.index(earlier[0])
    assert analysis.EARLIER_HEADER in page


def test_each_history_table_has_a_cell_for_each_column() -> None:
    header_cells = analysis.HISTORY_HEADER.count("|")
    assert analysis.HISTORY_RULE.count("|") == header_cells
    assert analysis.EARLIER_RULE.count("|") == analysis.EARLIER_HEADER.count("|")


def test_no_history_section_means_no_rows() -> None:
    assert analysis.read_history("# Benchmarks\n\nNothing yet.\n") == analysis.History()


def test_a_section_after_history_is_not_read_as_rows() -> None:
    page = (
        _page(analysis.History(), "| 2026-12-05 | a | yes |")
        + "\n## Later\n\n| date | x |\n|---|---|\n| 1 | 2 |\n"
    )
    assert analysis.read_history(page).rows == ("| 2026-12-05 | a | yes |",)
