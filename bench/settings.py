"""The product's settings with the benchmark's baseline endpoints added to its URLs."""

from factcheck.settings import *  # noqa: F403

ROOT_URLCONF = "bench.api_urls"
