"""All configuration, read from the environment or passed to create_app.

Every setting is read from RELU_<NAME>; HOST, PORT and DATABASE_URL are also read
without the prefix, since `make run` and container platforms set those names.
"""

from __future__ import annotations

from typing import Literal

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

MiB = 2**20


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RELU_", extra="ignore", populate_by_name=True)

    host: str = Field(
        "127.0.0.1",
        validation_alias=AliasChoices("RELU_HOST", "HOST"),
        description="address to listen on",
    )
    port: int = Field(
        8000,
        ge=0,
        le=65535,
        validation_alias=AliasChoices("RELU_PORT", "PORT"),
        description="port to listen on",
    )
    grpc_port: int = Field(
        8001,
        ge=0,
        le=65535,
        description=(
            "port of the Open Inference Protocol over gRPC, on the same host; 0 turns it off. "
            "Every worker listens on it (SO_REUSEPORT)"
        ),
    )
    max_elements: int = Field(10_000_000, ge=1, description="most elements in one request")
    max_body_bytes: int = Field(256 * MiB, ge=1, description="largest binary request body")
    max_json_bytes: int = Field(
        8 * MiB,
        ge=1,
        description="largest JSON body of the evaluation and inference routes (arrays: use binary)",
    )
    max_json_containers: int = Field(
        100_000, ge=1, description="most arrays and objects in one JSON body"
    )
    max_quiz_body_bytes: int = Field(
        64 * 2**10, ge=1, description="largest body of every other route (quizzes, answers, hints)"
    )
    docs: bool = Field(True, description="serve /docs and /openapi.json")
    database_url: str = Field(
        "sqlite:///relu.db",
        validation_alias=AliasChoices("RELU_DATABASE_URL", "DATABASE_URL"),
        description="any SQLAlchemy URL; the default is an SQLite file in the working directory",
    )
    db_pool_timeout_s: float = Field(
        3, gt=0, description="seconds a request waits for a database connection (503 after)"
    )
    db_lock_timeout_s: float = Field(
        5, gt=0, description="seconds a request waits for a database lock (PostgreSQL; 503 after)"
    )
    quiz_ttl_s: int = Field(
        7 * 86_400, ge=60, description="how long a quiz without a time limit takes answers"
    )
    exam_mode: bool = Field(
        False,
        description=(
            "assessment deployment: the calculator routes (/v1/functions*, /v1/relu*, /v2/*, "
            "/playground) answer 404 and leave the OpenAPI document; a learner's quiz takes "
            "its rules (tries, reveal, penalties) and its seed from the deployment"
        ),
    )
    exam_reveal: Literal["after_finish", "never"] = Field(
        "after_finish",
        description=(
            "in exam mode, when a learner's quiz reveals its answers: after_finish, or never "
            "(then a learner who finishes a quiz cannot read keys for another)"
        ),
    )
    admin_api_key: SecretStr | None = Field(
        None, description="Bearer key for /v1/stats/items; without it that route is closed"
    )
    redis_url: str | None = Field(
        None,
        validation_alias=AliasChoices("RELU_REDIS_URL", "REDIS_URL"),
        description="Redis for rate limits shared by all instances; in memory when unset",
    )
    rate_limit_prefix: str = Field("relu", description="prefix of the rate-limit keys in Redis")
    redis_timeout_s: float = Field(
        0.25,
        gt=0,
        description=(
            "seconds any Redis call may take; past it, or with Redis down, rate limits are "
            "counted in each process until Redis answers again"
        ),
    )
    rate_limit_quiz_create: str = Field("30/minute", description="quiz starts per client")
    rate_limit_answers: str = Field("300/minute", description="answer submissions per client")
    rate_limit_evaluation: str = Field(
        "3000/minute", description="evaluation requests (/v1 and /v2) per client"
    )
    rate_limit_lti: str = Field(
        "120/minute", description="LTI logins and launches per client (a class may share one)"
    )
    trusted_proxies: list[str] = Field(
        default_factory=list,
        description="addresses or networks whose X-Forwarded-For is believed (JSON list)",
    )
    cors_origins: list[str] = Field(
        default_factory=list, description="origins allowed by CORS (JSON list); none by default"
    )
    workers: int = Field(1, ge=1, le=64, description="uvicorn worker processes")
    keep_alive_s: int = Field(
        75,
        ge=1,
        description=(
            "seconds an idle connection is kept open; longer than a proxy's or client's pool "
            "keeps one (nginx: 60 s), so that they never reuse a connection the server closed"
        ),
    )
    header_timeout_s: float = Field(
        10,
        gt=0,
        description="seconds a request's headers may take to arrive (408 and closed after)",
    )
    max_header_bytes: int = Field(
        32 * 1024,
        ge=1024,
        description="bytes a request's line and headers may take (431 and closed beyond)",
    )
    max_connections: int = Field(
        16_000, ge=1, description="open connections per process; more are answered 503"
    )
    max_connections_per_client: int = Field(
        256,
        ge=1,
        description="open connections per client address (trusted proxies exempt); more: 503",
    )
    body_timeout_s: float = Field(
        120, gt=0, description="seconds a request body may take to arrive in full (408 after)"
    )
    shutdown_grace_s: int = Field(
        30, ge=1, description="seconds in-flight requests get to finish on shutdown"
    )
    log_level: str = Field("info", description="debug, info, warning or error")
    lti_private_key: SecretStr | None = Field(
        None,
        description=(
            "the LTI tool's RSA private key (2048 bits or more), as PEM text or the path of a "
            "PEM file; unset: the LTI routes other than the admin's answer 404"
        ),
    )
    lti_base_url: str | None = Field(
        None,
        pattern=r"^https?://[^/?#]+(/[^?#]*)?$",
        description=(
            "the tool's public URL as platforms reach it (e.g. https://relu.example.edu), for "
            "the launch URL it gives them; by default the URL of each request"
        ),
    )
    lti_frame_ancestors: list[str] = Field(
        default_factory=list,
        description=(
            "origins of the learning platforms that may show the quiz in a frame (JSON list, "
            'e.g. ["https://moodle.example.edu"]); none by default: the quiz opens in a '
            "window of its own"
        ),
    )
    lti_leeway_s: int = Field(
        30, ge=0, le=300, description="seconds of clock skew allowed on an id_token's exp and iat"
    )
    lti_jwks_ttl_s: int = Field(
        300, ge=0, description="seconds a platform's key set is kept before it is fetched again"
    )
    lti_grade_attempts: int = Field(
        8, ge=1, le=50, description="attempts at publishing a score before it is marked failed"
    )
    lti_grade_retry_s: float = Field(
        30,
        gt=0,
        description="seconds before the first retry of a score; each further retry waits twice",
    )
