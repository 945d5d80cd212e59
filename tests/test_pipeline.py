"""run_check's extraction in worker processes gives what one process gives."""
from __future__ import annotations

import os
import sys
from dataclasses import replace

import pytest

from checker import pipeline
from checker.extract import extract_claims
from checker.sources import read_sources


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the pool is used only where fork exists")
def test_workers_give_the_claims_of_one_process_in_source_order(monkeypatch):
    sources = read_sources(["seeds/"], on_notice=lambda m: None)
    alone = pipeline.extract_all(sources, jobs=1)
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(pipeline, "extract_claims", _tagged)  # proves the pool ran
    shared = pipeline.extract_all(sources, jobs=2)
    assert [[c for c in found if c.detail != "worker"] for found in shared] == alone
    assert all(found and found[-1].detail == "worker" for found in shared)


_PARENT = os.getpid()


def _tagged(src):
    """extract_claims plus one marker claim saying it ran in another process."""
    claims = extract_claims(src)
    where = "worker" if os.getpid() != _PARENT else "parent"
    return claims + [replace(claims[0], detail=where)]


def test_small_inputs_stay_in_one_process(monkeypatch):
    sources = read_sources(["seeds/"], on_notice=lambda m: None)
    monkeypatch.setattr(pipeline.multiprocessing, "get_context", lambda *a: pytest.fail("pool used"))
    assert sum(map(len, pipeline.extract_all(sources, jobs=2))) > 0


def test_jobs_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("CHECKER_JOBS", "3")
    assert pipeline.default_jobs() == 3
    monkeypatch.setenv("CHECKER_JOBS", "many")
    with pytest.raises(pipeline.CheckerError, match="CHECKER_JOBS='many'"):
        pipeline.default_jobs()
