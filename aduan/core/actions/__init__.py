"""Every write to a complaint: one function per state change, each in a transaction, each writing an event.

Web pages, the API, SMS, email and the sweep all call these; nothing else writes `status`.
"""

from aduan.core.actions.announcement import complaint_answer_announcement
from aduan.core.actions.assignment import complaint_assign, complaint_refer
from aduan.core.actions.classification import Classification, complaint_classify, complaint_link, complaint_locate
from aduan.core.actions.handling import complaint_dispose, complaint_escalate, complaint_return
from aduan.core.actions.intake import ReceiveResult, complaint_receive
from aduan.core.actions.lifecycle import (
    complaint_answer_at_desk,
    complaint_close,
    complaint_close_expired,
    complaint_follow_up,
    complaint_rebut,
    complaint_reopen,
)
from aduan.core.actions.overdue import (
    complaint_announce_overdue,
    complaint_escalate_overdue,
    complaint_warn_approaching,
)
from aduan.core.actions.stages import complaint_complete_stage, complaint_extend

__all__ = [
    "ReceiveResult",
    "complaint_receive",
    "complaint_dispose",
    "complaint_return",
    "complaint_escalate",
    "complaint_escalate_overdue",
    "complaint_announce_overdue",
    "complaint_warn_approaching",
    "complaint_follow_up",
    "complaint_answer_at_desk",
    "complaint_rebut",
    "complaint_close",
    "complaint_close_expired",
    "complaint_reopen",
    "Classification",
    "complaint_classify",
    "complaint_locate",
    "complaint_link",
    "complaint_assign",
    "complaint_refer",
    "complaint_complete_stage",
    "complaint_extend",
    "complaint_answer_announcement",
]
