"""Writes of the public's part. Each service checks permission, runs in a transaction and,
for the office's actions, writes the audit trail."""

from minsheng.participation.services.ballot import (
    ballot_cast,
    ballot_close,
    ballot_create,
    ballot_create_runoff,
    ballot_open,
    ballot_publish,
)
from minsheng.participation.services.imports import suggestions_import
from minsheng.participation.services.replies import (
    reply_answer,
    reply_assign,
    suggestion_to_notice,
)
from minsheng.participation.services.solicitation import (
    comment_submit,
    contact_delete,
    suggestion_moderate,
    suggestion_submit,
    suggestion_support,
    window_create,
)
from minsheng.participation.services.vetting import (
    candidate_create,
    criterion_create,
    expert_appoint,
    scores_submit,
)
from minsheng.participation.services.visits import (
    rating_submit,
    visit_create,
    visit_publish_results,
    visit_register,
)

__all__ = [
    "ballot_cast",
    "ballot_close",
    "ballot_create",
    "ballot_create_runoff",
    "ballot_open",
    "ballot_publish",
    "candidate_create",
    "comment_submit",
    "contact_delete",
    "criterion_create",
    "expert_appoint",
    "rating_submit",
    "reply_answer",
    "reply_assign",
    "scores_submit",
    "suggestion_moderate",
    "suggestion_submit",
    "suggestion_support",
    "suggestion_to_notice",
    "suggestions_import",
    "visit_create",
    "visit_publish_results",
    "visit_register",
    "window_create",
]
