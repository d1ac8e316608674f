"""Admins manage the newsroom's people: add a user, change a role, disable and enable, set a
new password, end a lock-out. Every change goes through factcheck.review.users (audited; the
last admin stays; nobody locks themselves out) and is shown on the user's page with the
audit log's records about them."""

from __future__ import annotations

from flask import abort, flash, render_template, url_for
from wtforms import SelectField, SubmitField

from factcheck.audit import audit_events
from factcheck.errors import FactcheckError
from factcheck.models import Role, User
from factcheck.review import invitations, users
from factcheck.review.workflow import run_retrying
from factcheck.web import error_status, get_session
from factcheck.web.auth import me, role_required
from factcheck.web.auth.forms import NewPasswordForm, user_name_field
from factcheck.web.i18n import TranslatedForm, error_text, gettext, lazy_gettext
from factcheck.web.public.rendering import absolute_url
from factcheck.web.review import bp, save
from factcheck.web.review.forms import ButtonForm, options

ROLES = [
    (Role.CHECKER.value, lazy_gettext("checker: reviews claims")),
    (Role.EDITOR.value, lazy_gettext("editor: also publishes and approves corrections")),
    (Role.ADMIN.value, lazy_gettext("admin: also manages users")),
]


class RoleForm(TranslatedForm):
    role = SelectField(lazy_gettext("Role"), choices=options(ROLES), default=Role.CHECKER.value)
    submit = SubmitField(lazy_gettext("Change role"))


class InviteForm(RoleForm):
    name = user_name_field(lazy_gettext("User name"))
    submit = SubmitField(lazy_gettext("Invite"))


class AddUserForm(NewPasswordForm, InviteForm):
    submit = SubmitField(lazy_gettext("Add user"))


class PasswordForm(NewPasswordForm):
    submit = SubmitField(lazy_gettext("Set the new password"))


def get_user_or_404(user_id: int) -> User:
    user = get_session().get(User, user_id)
    if user is None:
        abort(404)
    return user


def users_page(add_form: AddUserForm | None = None, invite_form: InviteForm | None = None) -> str:
    """Every user with their role and state, and the forms to invite or add one."""
    return render_template(
        "review/users.html",
        people=users.list_users(get_session()),
        is_locked=users.is_locked,
        add_form=add_form or AddUserForm(formdata=None),
        invite_form=invite_form or InviteForm(formdata=None),
    )


def user_page(user: User, invite_link: str | None = None, **submitted) -> str:
    """One user: their state, the forms that change it, and the audit records about them
    (with ``invite_link``: the invitation link just made, shown this once)."""
    forms = {
        "role_form": RoleForm(formdata=None, role=user.role),
        "password_form": PasswordForm(formdata=None),
        "button_form": ButtonForm(formdata=None),
    }
    forms.update(submitted)
    return render_template(
        "review/user.html",
        user=user,
        locked=users.is_locked(user),
        myself=user.id == me().id,
        invite_link=invite_link,
        history=audit_events(get_session(), target=users.audit_target(user), limit=50),
        **forms,
    )


@bp.get("/users")
@role_required(Role.ADMIN)
def users_list():
    return users_page()


@bp.post("/users")
@role_required(Role.ADMIN)
def add_user():
    """Add a user with a role and a first password (the admin tells it to them)."""
    form = AddUserForm()
    if not form.validate_on_submit():
        return users_page(form), 400
    added: list[User] = []
    return save(
        lambda: added.append(
            users.create_user(
                get_session(), form.name.data, form.role.data, form.password.data, actor=me()
            )
        ),
        lambda: gettext(
            "Added %(name)s (%(role)s). Tell them their password; they log in at the login page.",
            name=added[0].name,
            role=added[0].role,
        ),
        back=url_for(".users_list"),
        page=lambda: users_page(form),
    )


@bp.post("/users/invite")
@role_required(Role.ADMIN)
def invite_user():
    """Make a user without a password and show the one-time link where they choose one (on
    this answer only: the database keeps no copy of it)."""
    form = InviteForm()
    if not form.validate_on_submit():
        return users_page(invite_form=form), 400
    return _show_link(
        lambda session: invitations.invite_user(
            session, form.name.data, form.role.data, actor=me()
        ),
        lambda: users_page(invite_form=form),
    )


@bp.post("/users/<int:user_id>/invite")
@role_required(Role.ADMIN)
def user_invite(user_id: int):
    """A new link for a user who has not chosen a password yet (the old one stops working)."""
    user = get_user_or_404(user_id)
    return _show_link(
        lambda session: (user, invitations.new_link(session, user, actor=me())),
        lambda: user_page(user),
    )


def _show_link(make, page):
    """Run ``make(session)`` -> (user, token), commit, and show the user's page with the
    link; a user error shows ``page()`` with the message, nothing stored."""
    session = get_session()
    try:
        user, token = run_retrying(session, lambda: make(session))
    except FactcheckError as error:
        session.rollback()
        flash(error_text(error), "error")
        return page(), error_status(error)
    link = absolute_url("auth.invite", token=token)
    return user_page(user, invite_link=link)


@bp.get("/users/<int:user_id>")
@role_required(Role.ADMIN)
def user(user_id: int):
    return user_page(get_user_or_404(user_id))


def _change(user: User, change, done: str, **submitted):
    """Run one change to ``user`` (the domain layer checks it), back to their page."""
    return save(
        change,
        done,
        back=url_for(".user", user_id=user.id),
        page=lambda: user_page(user, **submitted),
    )


def _with_form(user_id: int, form_class, key: str, change, done):
    """A form posted about one user: validated, then ``change(user, form)`` with the message
    ``done(user, form)``; with errors, the user's page again with the form as it was sent."""
    user = get_user_or_404(user_id)
    form = form_class()
    if not form.validate_on_submit():
        return user_page(user, **{key: form}), 400
    return _change(user, lambda: change(user, form), done(user, form), **{key: form})


@bp.post("/users/<int:user_id>/role")
@role_required(Role.ADMIN)
def user_role(user_id: int):
    return _with_form(
        user_id,
        RoleForm,
        "role_form",
        lambda user, form: users.set_role(get_session(), user.name, form.role.data, actor=me()),
        lambda user, form: gettext(
            "%(name)s is now %(role)s.", name=user.name, role=form.role.data
        ),
    )


@bp.post("/users/<int:user_id>/password")
@role_required(Role.ADMIN)
def user_password(user_id: int):
    return _with_form(
        user_id,
        PasswordForm,
        "password_form",
        lambda user, form: users.change_password(
            get_session(), user.name, form.password.data, actor=me()
        ),
        lambda user, _form: gettext(
            "New password set for %(name)s; their open sessions have ended.", name=user.name
        ),
    )


def _button(user_id: int, action, done):
    """A POST-only button (disable, enable, unlock): its CSRF token is all it carries."""
    user = get_user_or_404(user_id)  # CSRFProtect has checked the token before we get here
    return _change(user, lambda: action(get_session(), user.name, actor=me()), done(user.name))


@bp.post("/users/<int:user_id>/disable")
@role_required(Role.ADMIN)
def user_disable(user_id: int):
    return _button(
        user_id,
        users.disable_user,
        lambda name: gettext("%(name)s is disabled and logged out.", name=name),
    )


@bp.post("/users/<int:user_id>/enable")
@role_required(Role.ADMIN)
def user_enable(user_id: int):
    return _button(
        user_id, users.enable_user, lambda name: gettext("%(name)s can log in again.", name=name)
    )


@bp.post("/users/<int:user_id>/unlock")
@role_required(Role.ADMIN)
def user_unlock(user_id: int):
    return _button(
        user_id,
        users.unlock_user,
        lambda name: gettext("The lock-out of %(name)s has ended.", name=name),
    )
