"""The floor of the quiz: what the database alone serves of the statements one request sends,
run straight through the DB-API driver (sqlite3, psycopg) of a connection the service's engine
makes, with no HTTP, ORM, grading or item generation, from as many processes as the benchmark
keeps requests in flight.

- start: one quiz row and its ten item rows, committed (as starting a 10-item quiz inserts).
- answer: the quiz, the item and the item's tries read in one statement with the quiz's row
  locked, one try inserted, committed (as every graded answer does; see
  service/quiz/repository.py).

A quiz figure cannot pass its floor, so the floor beside /healthz says how high a ratio to
/healthz this machine's database allows at all.
"""

from __future__ import annotations

import multiprocessing
import queue
import secrets
import time
from datetime import UTC, datetime
from typing import Any

from service.db import make_engine

# Quizzes each process starts first; answers go round their items, so that an item holds a
# few tries at most, as in a quiz (where they are capped), not a growing pile.
QUIZZES = 1024
ITEMS = 10

_QUIZ = (
    "INSERT INTO quizzes (id, token_hash, seed, size, max_tries, reveal, penalty, hint_penalty,"
    " time_limit_s, filters, created_at, expires_at, finished_at, kind, learner_id)"
    " VALUES (?, ?, 1, ?, 1000000, 'after_answer', 0.0, 0.0, NULL, '{}', ?, ?, NULL, 'quiz', NULL)"
)
_ITEM = (
    "INSERT INTO quiz_items (quiz_id, position, item_id, version, variant_seed, choice_order,"
    " points, topics, hints_used) VALUES (?, ?, 'floor', 1, 7, '[]', 1.0, '[\"relu\"]', 0)"
)
_READ = (
    "SELECT quizzes.id, quizzes.token_hash, quizzes.max_tries, quizzes.reveal, quizzes.penalty,"
    " quizzes.hint_penalty, quizzes.expires_at, quizzes.finished_at, quiz_items.item_id,"
    " quiz_items.version, quiz_items.variant_seed, quiz_items.hints_used,"
    " attempts.try_number, attempts.response_digest, attempts.correct, attempts.score"
    " FROM quizzes LEFT OUTER JOIN quiz_items"
    " ON quiz_items.quiz_id = quizzes.id AND quiz_items.position = ?"
    " LEFT OUTER JOIN attempts ON attempts.quiz_id = quizzes.id AND attempts.position = ?"
    " WHERE quizzes.id = ? ORDER BY attempts.try_number"
)
_TRY = (
    "INSERT INTO attempts (quiz_id, position, try_number, item_id, response, response_digest,"
    " fraction, hints_used, score, max_score, correct, misconception, feedback, created_at)"
    " VALUES (?, ?, ?, 'floor', '{\"value\": 123456}', ?, 0.0, 0, 0.0, 1.0, ?,"
    " 'sign_error', 'Not quite.', ?)"
)


class _Driver:
    """One connection of the service's own engine (its connect-time settings: WAL,
    synchronous=NORMAL and the lock wait on SQLite, the lock timeout on PostgreSQL), used
    through the driver itself, and the dialect's few differences: the parameter marker, how a
    transaction that writes begins, and how a locked read is written."""

    def __init__(self, url: str) -> None:
        self.engine = make_engine(url)
        self.sqlite = self.engine.dialect.name == "sqlite"
        self.pooled = self.engine.raw_connection()
        self.connection: Any = self.pooled.driver_connection

    def close(self) -> None:
        self.pooled.close()
        self.engine.dispose()

    def sql(self, statement: str) -> str:
        return statement if self.sqlite else statement.replace("?", "%s")

    def begin(self) -> Any:
        cursor = self.connection.cursor()
        if self.sqlite:
            cursor.execute("BEGIN IMMEDIATE")  # as the service's engine begins
        return cursor

    def commit(self, cursor: Any) -> None:
        if self.sqlite:
            cursor.execute("COMMIT")
        else:
            self.connection.commit()

    def moment(self) -> Any:
        now = datetime.now(UTC)
        return now.strftime("%Y-%m-%d %H:%M:%S.%f") if self.sqlite else now  # as SQLAlchemy


def _start(driver: _Driver, insert_quiz: str, insert_item: str) -> str:
    quiz = secrets.token_hex(16)
    cursor = driver.begin()
    now = driver.moment()
    cursor.execute(insert_quiz, (quiz, "0" * 64, ITEMS, now, now))
    cursor.executemany(insert_item, [(quiz, position) for position in range(1, ITEMS + 1)])
    driver.commit(cursor)
    return quiz


def _work(kind: str, url: str, seconds: float, quizzes: int, ready: Any, results: Any) -> None:
    driver = _Driver(url)
    insert_quiz, insert_item = driver.sql(_QUIZ), driver.sql(_ITEM)
    read = driver.sql(_READ) + ("" if driver.sqlite else " FOR UPDATE OF quizzes")
    insert_try = driver.sql(_TRY)
    started = [_start(driver, insert_quiz, insert_item) for _ in range(quizzes)]
    ready.wait()
    done, end = 0, time.perf_counter() + seconds
    while time.perf_counter() < end:
        if kind == "start":
            _start(driver, insert_quiz, insert_item)
        else:
            quiz, position = started[done % quizzes], done // quizzes % ITEMS + 1
            cursor = driver.begin()
            cursor.execute(read, (position, position, quiz))
            number = sum(row[12] is not None for row in cursor.fetchall()) + 1
            cursor.execute(insert_try, (quiz, position, number, "d" * 64, False, driver.moment()))
            driver.commit(cursor)
        done += 1
    driver.close()
    results.put(done)


def rate(kind: str, url: str, processes: int, seconds: float, quizzes: int = QUIZZES) -> float:
    """Transactions per second of `kind` ("start" or "answer") against the migrated database
    at `url` (a SQLAlchemy URL), summed over `processes` processes running at once, each of
    which starts `quizzes` quizzes first."""
    context = multiprocessing.get_context("spawn")
    ready, results = context.Barrier(processes), context.Queue()
    workers = [
        context.Process(
            target=_work, args=(kind, url, seconds, quizzes, ready, results), daemon=True
        )
        for _ in range(processes)
    ]
    for worker in workers:
        worker.start()
    total = 0
    for _ in workers:
        while True:
            try:
                total += results.get(timeout=1)
                break
            except queue.Empty:
                if any(worker.exitcode not in (None, 0) for worker in workers):
                    raise RuntimeError("a floor process failed; its traceback is above") from None
    for worker in workers:
        worker.join()
    return total / seconds
