"""Safety rules that other apps ask about (CLINICAL.md section 6).

Interface used by the Today page and the exercise pages. The assessments work
replaces this body with the red-flag intake.
"""


def exercises_paused(user: object) -> bool:
    """True while a red flag waits for the patient to confirm a doctor's visit."""
    return False
