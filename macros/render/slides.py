"""How a step's questions spread over the trainers' slides.

A 1280x720 projector in large type holds about 760 characters' worth of a
slide: a question's words plus room for its number and spacing, its safety
line if it has one ("Zo ja: onderneem direct actie ..."), a pointer added
beside it (with its label and sources), on the last slide the step's
decision with what each choice asks first (Ja, dubbelcheck), and on every
slide the line with the help numbers. The questions are spread evenly over
as few slides as hold them.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import combinations

from ..content.markup import plain
from ..content.routekaart import Hulp, Stap, Vraag

SLIDE = 760          # what fits one slide, in characters
PER_QUESTION = 40    # a question's number, margin and line ends
PER_POINTER = 100    # a pointer's frame, its label and its line of sources
SMALL = .6           # pointers are set at .75 of the type: about .6 of the room per character


@dataclass(frozen=True)
class SlidePart:
    first: int             # the number of its first question
    questions: list[Vraag]


def _size(question: Vraag) -> int:
    safety = len(plain(question.toelichting)) if question.veiligheidsregel and question.toelichting else 0
    pointer = PER_POINTER + SMALL * len(plain(question.aanvulling.tekst)) if question.aanvulling else 0
    return PER_QUESTION + len(plain(question.vraag)) + safety + pointer


def _decision(step: Stap) -> int:
    if not step.beslissing:
        return 0
    return len(step.beslissing.vraag) + sum(PER_QUESTION + len(o.label) + len(o.kort or "")
                                            for o in step.beslissing.opties)


def slide_parts(step: Stap, help_line: Hulp) -> list[SlidePart]:
    """The fewest slides that hold the step, the fullest as empty as can be."""
    sizes = [_size(v) for v in step.vragen]
    if not sizes:
        return []
    room = SLIDE - PER_QUESTION - len(plain(help_line.kort))
    decision = _decision(step)
    for count in range(math.ceil((sum(sizes) + decision) / room), len(sizes) + 1):
        best = None
        for cuts in combinations(range(1, len(sizes)), count - 1):
            bounds = [0, *cuts, len(sizes)]
            loads = [sum(sizes[a:b]) for a, b in zip(bounds, bounds[1:])]
            loads[-1] += decision
            if max(loads) <= room and (best is None or max(loads) < best[0]):
                best = (max(loads), bounds)
        if best:
            bounds = best[1]
            return [SlidePart(a + 1, step.vragen[a:b]) for a, b in zip(bounds, bounds[1:])]
    return [SlidePart(i + 1, [v]) for i, v in enumerate(step.vragen)]
