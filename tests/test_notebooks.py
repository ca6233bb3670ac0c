"""The notebooks run from top to bottom on the bundled samples, and are stored clean."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
KERNEL = "dipgraph-tests"


@pytest.fixture(scope="module")
def kernel_name(tmp_path_factory):
    """A kernel spec that runs this very interpreter, so the notebooks see the installed dipgraph.

    It lives in a temporary Jupyter data folder put first on JUPYTER_PATH: nothing needs to be
    registered on the machine beforehand, and the machine's own kernels are left alone.
    """
    data = tmp_path_factory.mktemp("jupyter")
    spec = data / "kernels" / KERNEL
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "dipgraph tests", "language": "python",
    }))
    with pytest.MonkeyPatch.context() as mp:
        import os

        mp.setenv("JUPYTER_PATH", os.pathsep.join(filter(None, [str(data), os.environ.get("JUPYTER_PATH")])))
        mp.setenv("MPLBACKEND", "Agg")
        yield KERNEL


def test_both_notebooks_are_there():
    assert [p.name for p in NOTEBOOKS] == ["01-quickstart.ipynb", "02-analysis.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_stored_without_outputs_and_defines_nothing(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]
            lines = cell.source.splitlines()
            # the logic lives in the library; cells only call it
            assert not any(line.lstrip().startswith(("def ", "class ", "import ipykernel")) for line in lines)


def _text(outputs) -> str:
    out = []
    for o in outputs:
        if o.output_type == "stream":
            out.append(o.text)
        elif o.output_type in ("execute_result", "display_data"):
            out.append(o.data.get("text/plain", ""))
    return "".join(out)


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_on_the_samples(path, kernel_name, tmp_path):
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name=kernel_name, timeout=300, allow_errors=False,
                            resources={"metadata": {"path": str(tmp_path)}})
    client.execute()  # raises CellExecutionError, with the cell and the traceback, if a cell fails
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    text = _text(outputs)
    assert "articles stored" in text
    assert not any(o.output_type == "error" for o in outputs)
    size = sum(len(json.dumps(o)) for o in outputs)
    if path.stem.startswith("01"):
        # the page is written to a file beside the store and named, not embedded in the notebook
        assert not any("text/html" in o.get("data", {}) for o in outputs)
        assert size < 40_000, f"the notebook's outputs take {size} bytes"
        uri = re.search(r"open in a browser: (file://\S+)", text)
        assert uri, text[-500:]
        page = Path(url2pathname(urlparse(uri.group(1)).path))
        assert page.name == "graph.html" and "Russia" in page.read_text("utf-8")
        for name in ("MEETINGS", "BY_FAMILY"):
            cell = next(c for c in nb.cells if c.source.startswith(name + " ="))
            assert "(0 rows)" not in _text(cell.outputs) and "row" in _text(cell.outputs), name
    else:
        assert size < 250_000, f"the notebook's outputs take {size} bytes"  # two small charts
        images = [o for o in outputs if "image/png" in o.get("data", {})]
        assert len(images) == 2  # the centrality chart and the pair timeline
        assert "'actors'" in text
        # the examples the notebook names are in the samples: the cells that show them found them
        assert "('Xi Jinping', 'met', 'Vladimir Putin'" in text
        assert "('Japan', 'Ukraine'" in text and "('United States', 'Ukraine'" in text
    assert not any(tmp_path.iterdir()), "a notebook wrote into its working folder"
