"""Password reset that also reaches users who have never had a password here: those imported
from Plone come without one (their Plone password cannot be carried over), and Django's own
reset form leaves users without a usable password out."""

from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm


class ResetForEveryActiveUserForm(PasswordResetForm):
    def get_users(self, email):
        users = get_user_model()._default_manager.filter(email__iexact=email, is_active=True)
        return (user for user in users if user.email)
