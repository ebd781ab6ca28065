"""Load Rasa's TensorFlow classifiers for inference only, without Rasa's warm-up training step.

Rasa 3.6 (RasaModel.load) builds a DIET/ResponseSelector model by compiling it with an
optimizer and training it for one step on an example, then overwrites the weights with the
saved ones. Tracing that training graph is most of the service's cold start and keeps an
optimizer and a training graph in memory that serving never uses (measured in
reports/bench.md). A TensorFlow checkpoint restores variables as they are created, so a
model that loads its weights first and is then built by one prediction has exactly the
trained weights; tests/test_inference_load.py checks that both ways give the same parses.
Finetuning (`rasa train --finetune`) still goes through Rasa's own load.
"""

from __future__ import annotations

from typing import Any


def install() -> None:
    """Replace RasaModel.load in this process (idempotent)."""
    from rasa.utils.tensorflow.models import RasaModel

    rasa_load = RasaModel.load.__func__
    if getattr(rasa_load, "inference_only", False):
        return

    def load(
        cls: Any,
        model_file_name: str,
        model_data_example: Any,
        predict_data_example: Any = None,
        finetune_mode: bool = False,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        if finetune_mode or predict_data_example is None:
            return rasa_load(
                cls, model_file_name, model_data_example, predict_data_example, finetune_mode,
                *args, **kwargs,
            )  # fmt: skip
        model = cls(*args, **kwargs)
        # The optimizer's slots are in the checkpoint too; serving does not need them.
        model.load_weights(model_file_name).expect_partial()
        model.run_inference(predict_data_example)  # creates (and so restores) every variable
        return model

    load.inference_only = True  # type: ignore[attr-defined]
    load.rasa_load = rasa_load  # type: ignore[attr-defined]
    RasaModel.load = classmethod(load)


def uninstall() -> None:
    """Back to Rasa's own load (for the test that compares both)."""
    from rasa.utils.tensorflow.models import RasaModel

    current = RasaModel.load.__func__
    if getattr(current, "inference_only", False):
        RasaModel.load = classmethod(current.rasa_load)
