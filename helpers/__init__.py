"""Shared helpers of the course *ML System Design: Data & Modeling*.

Modules (each public function says which chapter introduces it):

- :mod:`helpers.data` — offline dataset loaders and the dataset registry
- :mod:`helpers.evaluation` — compare pipelines on the same CV splits
- :mod:`helpers.plotting` — the course figure style and recurring figures
- :mod:`helpers.exercises` — automatic checks for exercises
- :mod:`helpers.coursework` — student versions and the grader
- :mod:`helpers.reports` — the timings report shown in the book
"""

__version__ = "0.1.0"
