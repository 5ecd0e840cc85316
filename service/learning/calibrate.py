"""`python -m service calibrate`: refit every item's parameters from the stored first tries
and store them in one transaction, which the service's readers see whole or not at all; it is
safe to run while the service serves."""

from __future__ import annotations

from sqlalchemy.orm import Session

from service.db import Database, make_engine
from service.learning import repository
from service.learning.core import calibration
from service.learning.core.irt import authored
from service.quiz.bank import Bank, load_bank
from service.quiz.quizzes import utcnow


def calibrate(session: Session, bank: Bank) -> dict[str, calibration.Fitted]:
    answers = {
        (respondent, item): credit for respondent, item, credit in repository.first_tries(session)
    }
    fitted = calibration.fit(answers, {e.id: authored(e.difficulty) for e in bank.entries})
    repository.store_parameters(
        session,
        {
            item: {
                "difficulty": f.parameters.difficulty,
                "discrimination": f.parameters.discrimination,
                "answers": f.answers,
            }
            for item, f in fitted.items()
        },
        utcnow(),
    )
    return fitted


def main(database_url: str) -> int:
    database = Database(make_engine(database_url))
    bank = load_bank()
    try:
        with database.sessions() as session:
            fitted = calibrate(session, bank)
            session.commit()
    finally:
        database.dispose()
    counted = sum(1 for f in fitted.values() if f.answers >= calibration.MIN_ANSWERS)
    print(
        f"calibrated {len(fitted)} items: {counted} from their answers, "
        f"{len(fitted) - counted} from their authored difficulty "
        f"(fewer than {calibration.MIN_ANSWERS} answers)"
    )
    return 0
