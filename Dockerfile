# Build stage: the service as a wheel (package data included: item files, migrations).
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY service ./service
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

# Runtime stage: the wheel and its dependencies, nothing else; an unprivileged user.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    HOST=0.0.0.0 \
    PORT=8000
RUN useradd --create-home --uid 10001 app
COPY --from=build /wheels /wheels
RUN pip install /wheels/*.whl && rm -rf /wheels
USER app
WORKDIR /home/app
# HTTP, and the Open Inference Protocol over gRPC (RELU_GRPC_PORT)
EXPOSE 8000 8001
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('PORT', '8000') + '/readyz', timeout=2)"]
# Applies the migrations (a no-op when the database is at head), then serves.
CMD ["python", "-m", "service", "start"]
