"""The answer rules, in the order they apply: every decision the words make against or beside the model's
answer, each one function of one signature (``Rule``: ``(Analysis, Drafts) -> Drafts``), like the checks'
``DEFAULT_CHECKS``. Each rule's docstring names the annotation convention or the phenomenon it implements;
``tests/extract/test_rules.py`` holds a table of cases per rule, and ``tests/benchmarks/loo_rules.py`` measures each.
"""

from __future__ import annotations

from powx_llm.extract._answer import Rule
from powx_llm.extract._rules_event import (
    an_exchange_by_words,
    credited_mediators,
    kind_from_sides,
    one_way_is_a_release,
    running_totals,
    two_ways_are_an_exchange,
    uncounted_bodies_make_it_mixed,
)
from powx_llm.extract._rules_numbers import (
    a_part_after_its_whole,
    bodies_are_bodies,
    bodies_named_as_bodies,
    halve_both_sides,
    named_total,
    not_a_date_or_thing,
    not_a_part,
    not_a_running_total,
    not_planned,
    not_still_held,
    one_figure_one_side,
    only_part_handed_over,
    servicemen_at_least,
    total_from_parts,
)
from powx_llm.extract._rules_parts import (
    all_of_the_armed_forces,
    breakdown_by_order,
    groups_said_of_all,
    no_part_above_its_whole,
    units_named_without_count,
)
from powx_llm.extract._rules_sides import (
    a_figure_of_the_other_side,
    a_mediator_received_no_one,
    a_mediator_released_no_one,
    a_venue_is_no_party,
    bodies_the_words_state,
    drop_uncounted_sides,
    equal_sides,
    format_for_both,
    held_by_non_state,
    nobody_held,
    none_in_return,
    one_side_per_receiver,
    receiver_by_whose_people,
    receiver_of_one_war,
    releaser_by_elimination,
    releaser_of_gaza_is_hamas,
    sides_the_words_state,
    swap_by_words,
    uncounted_return,
    words_for_a_wrong_number,
)

__all__ = ["ANSWER_RULES", "rules_without"]

ANSWER_RULES: tuple[Rule, ...] = (
    # which stated number is each side's total
    bodies_named_as_bodies,
    not_a_running_total,
    not_a_date_or_thing,
    not_a_part,
    a_part_after_its_whole,
    not_planned,
    not_still_held,
    bodies_are_bodies,
    only_part_handed_over,
    one_figure_one_side,
    # the sides: one per receiver, those the words state, who received from whom
    nobody_held,
    a_mediator_received_no_one,
    one_side_per_receiver,
    swap_by_words,
    format_for_both,
    sides_the_words_state,
    a_figure_of_the_other_side,
    bodies_the_words_state,
    words_for_a_wrong_number,
    drop_uncounted_sides,
    a_venue_is_no_party,
    receiver_of_one_war,
    receiver_by_whose_people,
    held_by_non_state,
    named_total,
    releaser_of_gaza_is_hamas,
    a_mediator_released_no_one,
    releaser_by_elimination,
    halve_both_sides,
    equal_sides,
    none_in_return,
    # each side's breakdown, and its total checked against it
    breakdown_by_order,
    units_named_without_count,
    all_of_the_armed_forces,
    groups_said_of_all,
    total_from_parts,
    servicemen_at_least,
    no_part_above_its_whole,
    # the event: kind, mediators, running totals
    kind_from_sides,
    uncounted_bodies_make_it_mixed,
    one_way_is_a_release,
    an_exchange_by_words,
    two_ways_are_an_exchange,
    uncounted_return,
    credited_mediators,
    running_totals,
)


def rules_without(*removed: Rule, rules: tuple[Rule, ...] = ANSWER_RULES) -> tuple[Rule, ...]:
    """Return *rules* without *removed* (leave-one-rule-out, the oracle's audit)."""
    return tuple(r for r in rules if r not in removed)
