"""Keep JAX out of the process: TensorFlow would import it for nothing.

TensorFlow 2.12 (Rasa 3.6's) installs JAX, and its TFLite module imports JAX when it is
installed, for a converter Rasa never uses: about 140 MB resident and half a second of
start-up. Marking "jax" as not importable (None in sys.modules) before TensorFlow is
imported makes TensorFlow's optional import fail fast, as when JAX is not installed.
"""

from __future__ import annotations

import sys


def block_jax() -> None:
    """Make `import jax` fail in this process (unless JAX is already imported)."""
    sys.modules.setdefault("jax", None)  # type: ignore[arg-type]
