"""All configuration, read from the environment (prefix RELU_) or passed to create_app."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

MiB = 2**20


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RELU_", extra="ignore")

    max_elements: int = Field(10_000_000, ge=1, description="most elements in one request")
    max_body_bytes: int = Field(256 * MiB, ge=1, description="largest binary request body")
    max_json_bytes: int = Field(64 * MiB, ge=1, description="largest JSON request body")
    docs: bool = Field(True, description="serve /docs and /openapi.json")
