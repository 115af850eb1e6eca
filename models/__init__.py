"""Doorstep's records: one normalised shape for every channel, with an append-only audit trail."""

from models.base import Base, UTCDateTime, utcnow
from models.case import Case, ReferenceCounter
from models.event import Event
from models.mailbox import MailboxState
from models.message import Attachment, Message, MessageStatus
from models.outbound import Outbound, OutboundStatus
from models.resident import Resident, ResidentIdentity
from models.sms import SmsOptOut
from models.staff import StaffUser
from models.triage import TriageDecision

__all__ = [
    "Attachment", "Base", "Case", "Event", "MailboxState", "Message", "MessageStatus", "Outbound",
    "OutboundStatus", "ReferenceCounter", "Resident", "ResidentIdentity", "SmsOptOut", "StaffUser",
    "TriageDecision", "UTCDateTime", "utcnow",
]
