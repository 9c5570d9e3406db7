"""What each role may do. One table, checked by every service before it changes anything."""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass

from desktop.errors import PermissionDenied
from desktop.store.models import Role


class Permission(enum.StrEnum):
    VIEW_PATIENTS = "view patients"
    EDIT_PATIENTS = "register and edit patients"
    MANAGE_APPOINTMENTS = "book and change appointments"
    FILL_FORMS = "fill and sign forms"
    MANAGE_USERS = "manage users"
    MANAGE_CLINIC = "change clinic settings, providers and working hours"
    BACKUP = "make and restore backups"
    # Follow-through (desktop/services/results.py, referrals.py).
    RECORD_RESULTS = "record results and tell patients about them"
    REVIEW_RESULTS = "review results"
    MANAGE_REFERRALS = "make and follow referrals and keep the facility directory"
    # desktop/services/care_plans.py, coverage.py, billing.py, claims.py.
    MANAGE_CARE_PLANS = "keep care plans and check off their tasks"
    MANAGE_COVERAGE = "record insurance memberships and verify them"
    MANAGE_BILLING = "bill visits, take payments and make claims"
    CODE_DIAGNOSES = "code the diagnoses of a visit in ICD-10"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.COORDINATOR: frozenset(
        {
            Permission.VIEW_PATIENTS,
            Permission.EDIT_PATIENTS,
            Permission.MANAGE_APPOINTMENTS,
            Permission.FILL_FORMS,
            Permission.BACKUP,
            Permission.RECORD_RESULTS,
            Permission.MANAGE_REFERRALS,
            Permission.MANAGE_CARE_PLANS,
            Permission.MANAGE_COVERAGE,
            Permission.MANAGE_BILLING,
            Permission.CODE_DIAGNOSES,
        }
    ),
    Role.CLINICIAN: frozenset(
        {
            Permission.VIEW_PATIENTS,
            Permission.FILL_FORMS,
            Permission.MANAGE_APPOINTMENTS,
            # A result is reviewed by a clinician before (or as) it is relayed.
            Permission.RECORD_RESULTS,
            Permission.REVIEW_RESULTS,
            Permission.MANAGE_REFERRALS,
            Permission.MANAGE_CARE_PLANS,
            # The diagnoses of a visit are coded by whoever made them; money is not theirs to
            # take, refund or claim.
            Permission.CODE_DIAGNOSES,
        }
    ),
}


@dataclass(frozen=True)
class Actor:
    """The person signed in: who every change and chart opening is attributed to."""

    user_id: uuid.UUID
    username: str
    display_name: str
    role: Role
    clinic_id: uuid.UUID

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]

    def require(self, permission: Permission) -> None:
        if not self.can(permission):
            raise PermissionDenied(
                f"{self.display_name} ({self.role.value}) may not {permission.value}. "
                "Ask an administrator."
            )
