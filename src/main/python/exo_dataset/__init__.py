"""PyTorch access to the exo-etl Phase1 exoskeleton dataset: from the Hugging Face Hub (or a local
`prepare` output) to a training step, with a local memory-mapped cache, windows, masks and
participant splits.

    from torch.utils.data import DataLoader
    from exo_dataset import ExoskeletonDataset, masked_mse

    train = ExoskeletonDataset("macexo/exoskeleton-phase1", split="loso:BT03:train",
                               window=200, stride=100, normalize=True)
    loader = DataLoader(train, batch_size=32, shuffle=True, collate_fn=train.collate_fn)
    batch = next(iter(loader))   # inputs (32, 200, 28), targets (32, 200, 4), lengths, mask, target_mask
"""

from .acquire import CacheReport
from .batching import LengthBucketBatchSampler, collate_fn, masked_mse, padding_share, random_batches
from .dataset import ExoskeletonDataset, download_and_cache_dataset
from .errors import CacheError, HubError
from .layout import DEFAULT_CACHE_DIR, DEFAULT_REPO, INPUT_WIDTH, TARGET_WIDTH
from .normalization import Normalization
from .splits import loso_folds, split_names
from .windows import window_starts

__all__ = [
    "CacheError", "CacheReport", "DEFAULT_CACHE_DIR", "DEFAULT_REPO", "ExoskeletonDataset", "HubError",
    "INPUT_WIDTH", "LengthBucketBatchSampler", "Normalization", "TARGET_WIDTH", "collate_fn",
    "download_and_cache_dataset", "loso_folds", "masked_mse", "padding_share", "random_batches",
    "split_names", "window_starts",
]
