"""The staff pages: sign in and out, the case list with its review queue, a case, and review.

Register with ``app.add_routes(staff_routes(secret_key))`` in ``make_app``. Every page but the
sign-in page needs a signed-in, active staff member; every POST needs a valid CSRF token.
A review is claimed with a conditional UPDATE, so two staff members confirming the same case
at once queue one acknowledgement, not two.
"""

from __future__ import annotations

import logging

from aiohttp import web
from sqlalchemy import or_, select, update
from sqlalchemy.orm import raiseload

from channels.form_fields import FieldError
from gateway import keys
from gateway.security import CSRF_FIELD, Guard
from gateway.staff_accounts import authenticate, is_locked_out
from gateway.stages.acknowledge import queue_acknowledgement
from models import Case, Event, Outbound, StaffUser, TriageDecision
from models.case import CaseStatus
from triage.labels import FLAGS, LABELS

log = logging.getLogger(__name__)

RECENT = 50
CATEGORY_NAMES = {label: label.replace("_", " ").capitalize() for label in LABELS} | {
    "asb_report": "Anti-social behaviour report"}


def routes(secret_key: bytes) -> list[web.RouteDef]:
    """The staff routes, signing with the application's ``secret_key``."""
    return StaffPages(secret_key).routes()


def redirect(location: str) -> web.Response:
    return web.Response(status=303, headers={"Location": location})


def safe_next(target: str | None) -> str:
    """Where to go after signing in: only a staff page on this site, never another host."""
    if target and target.startswith("/staff") and not target.startswith("/staff/log"):
        return target
    return "/staff"


class StaffPages:
    """The handlers, sharing one Guard for CSRF tokens and sessions."""

    def __init__(self, secret_key: bytes) -> None:
        self.guard = Guard(secret_key)

    def routes(self) -> list[web.RouteDef]:
        return [
            web.get("/staff/login", self.login_form), web.post("/staff/login", self.login),
            web.post("/staff/logout", self.logout), web.get("/staff", self.home),
            web.get("/staff/cases/{reference}", self.case_page),
            web.post("/staff/review/{reference}", self.review),
        ]

    async def login_form(self, request: web.Request) -> web.Response:
        if self.guard.session_user(request):
            return redirect(safe_next(request.query.get("next")))
        return self.guard.render(request, "web/staff_login.html", next=request.query.get("next", ""),
                                 values={})

    async def login(self, request: web.Request) -> web.Response:
        """Check the password; a failure says only that the pair was wrong."""
        data = await request.post()
        self.guard.check_csrf(request, data.get(CSRF_FIELD))
        username, password = str(data.get("username", "")).strip(), str(data.get("password", ""))
        async with request.app[keys.DEPS].sessions() as session:
            if await is_locked_out(session, username):
                return self.guard.render(
                    request, "web/staff_login.html", status=429, next=str(data.get("next", "")),
                    values={"username": username}, errors=[FieldError(
                        "username", "Too many failed attempts. Wait 15 minutes and try again")])
            user = await authenticate(session, username, password) if username and password else None
            kind = "staff.signed_in" if user is not None else "staff.sign_in_failed"
            session.add(Event(kind=kind, actor=username[:100],
                              data={"remote": request.remote or ""}))
            await session.commit()
        if user is None:
            log.warning("staff.sign_in_failed username=%s", username[:100])
            return self.guard.render(
                request, "web/staff_login.html", status=401, next=str(data.get("next", "")),
                values={"username": username},
                errors=[FieldError("username", "Enter a correct username and password")])
        response = redirect(safe_next(str(data.get("next", ""))))
        self.guard.start_session(request, response, user.username)
        return response

    async def logout(self, request: web.Request) -> web.Response:
        data = await request.post()
        self.guard.check_csrf(request, data.get(CSRF_FIELD))
        response = redirect("/staff/login")
        self.guard.end_session(response)
        return response

    async def home(self, request: web.Request) -> web.Response:
        """The review queue (oldest deadline first) and the most recent cases."""
        user = await self.guard.require_staff(request)
        light = (raiseload(Case.messages), raiseload(Case.resident))  # the list needs neither
        async with request.app[keys.DEPS].sessions() as session:
            review = list(await session.scalars(
                select(Case).options(*light).where(Case.status == CaseStatus.NEEDS_REVIEW)
                .order_by(Case.ack_due, Case.received_at)))
            recent = list(await session.scalars(
                select(Case).options(*light).order_by(Case.received_at.desc()).limit(RECENT)))
            suggested = await model_suggestions(session, [c.id for c in review + recent])
        return self.guard.render(request, "web/staff_home.html", staff=user, review=review,
                                 recent=recent, suggested=suggested)

    async def case_page(self, request: web.Request, *, errors: list[FieldError] | None = None,
                        status: int = 200, user: StaffUser | None = None) -> web.Response:
        """Everything about one case: messages, decisions, acknowledgements and the audit trail."""
        user = user or await self.guard.require_staff(request)
        async with request.app[keys.DEPS].sessions() as session:
            case = await find_case(session, request.match_info["reference"])
            if case is None:
                return self.guard.render(request, "web/not_found.html", status=404, staff=user)
            history = await case_history(session, case)
        return self.guard.render(
            request, "web/staff_case.html", status=status, staff=user, case=case, **history,
            categories=CATEGORY_NAMES, flags=FLAGS, errors=errors or [], reviewed="reviewed" in request.query)

    async def review(self, request: web.Request) -> web.Response:
        """A staff member confirms or corrects the category and flags of a case held for review."""
        user = await self.guard.require_staff(request)
        data = await request.post()
        self.guard.check_csrf(request, data.get(CSRF_FIELD))
        category, flags = str(data.get("category", "")), [str(f) for f in data.getall("flags", [])]
        if category not in LABELS or not set(flags) <= set(FLAGS):
            errors = [FieldError("category", "Select the category of this case")]
            return await self.case_page(request, errors=errors, status=400, user=user)
        reference = request.match_info["reference"]
        if not await apply_review(request.app, reference, user, category, flags):
            errors = [FieldError("category", "This case is not waiting for review")]
            return await self.case_page(request, errors=errors, status=409, user=user)
        request.app[keys.OUTBOX].wake.set()
        log.info("staff.reviewed reference=%s category=%s by=%s", reference, category, user.username)
        return redirect(f"/staff/cases/{reference}?reviewed=1")


async def find_case(session, reference: str) -> Case | None:
    return await session.scalar(select(Case).where(Case.reference == reference))


async def model_suggestions(session, case_ids: list[int]) -> dict[int, TriageDecision]:
    """The model's latest decision for each case."""
    rows = await session.scalars(
        select(TriageDecision).where(TriageDecision.case_id.in_(case_ids),
                                     TriageDecision.decided_by == "model").order_by(TriageDecision.id))
    return {d.case_id: d for d in rows}


async def case_history(session, case: Case) -> dict[str, list]:
    """The case's decisions, acknowledgements and events, oldest first."""
    message_ids = [m.id for m in case.messages]
    about = or_(Event.case_id == case.id, Event.message_id.in_(message_ids))
    return {
        "decisions": list(await session.scalars(select(TriageDecision).where(or_(
            TriageDecision.case_id == case.id, TriageDecision.message_id.in_(message_ids)))
            .order_by(TriageDecision.id))),
        "outbound": list(await session.scalars(
            select(Outbound).where(Outbound.case_id == case.id).order_by(Outbound.id))),
        "events": list(await session.scalars(select(Event).where(about).order_by(Event.id))),
    }


async def apply_review(app: web.Application, reference: str, user: StaffUser, category: str,
                       flags: list[str]) -> bool:
    """Record the staff decision, open the case and queue its acknowledgement; False if not held."""
    deps = app[keys.DEPS]
    async with deps.sessions() as session:
        case = await find_case(session, reference)
        if case is None or not case.messages or not await _claim(session, case):
            return False
        message, before = case.messages[0], {"category": case.category, "flags": list(case.flags)}
        case.category, case.flags, case.status = category, sorted(set(flags)), CaseStatus.OPEN
        case.stage = 1 if category == "complaint" else None
        case.queue = deps.settings.routing.queue_for(category)
        session.add(TriageDecision(
            message_id=message.id, case_id=case.id, category=category, confidence=None,
            flags=case.flags, reasons=[f"reviewed by {user.username}"], decided_by=user.username,
            review=False))
        session.add(Event(kind="case.reviewed", actor=user.username, case_id=case.id,
                          message_id=message.id, data={"before": before, "category": category,
                                                       "flags": case.flags, "stage": case.stage}))
        session.add(Event(kind="case.routed", actor=user.username, case_id=case.id,
                          message_id=message.id, data={"queue": case.queue}))
        await queue_acknowledgement(session, deps, case, message, kind="acknowledgement")
        await session.commit()
    return True


async def _claim(session, case: Case) -> bool:
    """Move the case out of review only if it is still there (the loser of a race gets False)."""
    result = await session.execute(
        update(Case).where(Case.id == case.id, Case.status == CaseStatus.NEEDS_REVIEW)
        .values(status=CaseStatus.OPEN).execution_options(synchronize_session=False))
    return result.rowcount == 1
