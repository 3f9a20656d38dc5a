"""A run whose validation step is reused (only narasi.md edited) starts its kernel without importing
Great Expectations ahead (issue 22, goal 7: ~3 s of a core the LKjIP's export needs)."""

from __future__ import annotations

from lkjip.run.kernels import PREFETCH_LINE, KernelSession, kernel_arguments


def test_the_prefetch_line_is_left_out_only_when_asked():
    lines = [a for a in kernel_arguments(2048) if a.startswith("--IPKernelApp.exec_lines=")]
    assert len(lines) == 1 and lines[0].endswith("; " + PREFETCH_LINE)
    without = [a for a in kernel_arguments(2048, prefetch=False) if a.startswith("--IPKernelApp.exec_lines=")]
    assert len(without) == 1 and PREFETCH_LINE not in without[0]
    assert "great_expectations" not in without[0] and "validation" not in without[0]
    # the other kernel arguments stay
    assert "--HistoryManager.enabled=False" in kernel_arguments(2048, prefetch=False)
    assert KernelSession(".").prefetch is True and KernelSession(".", prefetch=False).prefetch is False
