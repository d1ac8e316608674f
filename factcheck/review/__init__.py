"""Stage 4: people review claims and set verdicts.

In: claims with their suggested evidence; a signed-in user with a role.
Out: status changes, verdicts with rationales, confirmed or rejected evidence, edited claims,
each recorded as a ReviewEvent. ``workflow`` is the one place that decides what may change
(roles, transitions, optimistic locking, the two-person rule); ``editing`` and ``evidence``
change claims and their evidence through it; ``users`` and ``ratings`` are the people and
the rating scale; ``search`` is the claim queue's text search.
Read models for the workspace's pages, callable without a request: ``queue`` (the claim
queue's filters, sorts and pages, through ``pagination``), ``claimpage`` (a claim's article,
evidence, history and people) and ``dashboard`` (articles' progress, a checker's claims).
"""
