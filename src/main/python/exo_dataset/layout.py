"""What a `prepare` output and its Hub copy hold: paths, columns and widths, in one place.

Both data layouts are read: `data/subject=BT01/*.parquet` (current; the value is %XX-escaped as Spark
escapes partition values) and `data/participant=BT01/*.parquet` (outputs written before the layout
change); a plain `data/BT01/` folder is read too. `participant` is a real column inside every file, so a
folder name only says which participant's download a file belongs to; the rows are checked against it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Callable, Dict, Iterable, List, Mapping, Optional, Tuple
from urllib.parse import unquote

IMU_WIDTH = 24
ANGLE_WIDTH = 4
MOMENT_WIDTH = 4
INPUT_WIDTH = IMU_WIDTH + ANGLE_WIDTH
TARGET_WIDTH = MOMENT_WIDTH

DEFAULT_REPO = "macexo/exoskeleton-phase1"
DEFAULT_CACHE_DIR = "data/processed/phase1"

METADATA = "metadata.json"
STATS = "stats.json"
SPLITS = "splits.json"
# The root files every cache holds, whatever participants it has.
ROOT_FILES = (METADATA, STATS, SPLITS)
TRIALS_TABLE = "trials/trials.parquet"
DATA_FOLDER = "data/"
FOLDER_PREFIX = "subject="
HIVE_PREFIX = "participant="  # the old layout's folders

COLUMNS = ("participant", "trial_name", "mass_kg", "imu_features", "angle_features", "moment_targets")

log = logging.getLogger("exo_dataset")


@dataclass(frozen=True)
class SourceFile:
    """One file of a snapshot. `oid` identifies its content: the LFS sha256 or git blob sha1 on the
    Hub, size and modification time for a local output. Equal oid means an unchanged file."""

    path: str
    size: int
    oid: str
    sha256: Optional[str] = None
    git_sha1: Optional[str] = None

    def to_json(self) -> dict:
        return {"path": self.path, "size": self.size, "oid": self.oid, "sha256": self.sha256,
                "git_sha1": self.git_sha1}

    @staticmethod
    def from_json(node: Mapping) -> "SourceFile":
        return SourceFile(node["path"], int(node["size"]), node["oid"], node.get("sha256"), node.get("git_sha1"))


def is_data_file(path: str) -> bool:
    return path.startswith(DATA_FOLDER) and path.endswith(".parquet")


def folder_participant(path: str) -> Optional[str]:
    """`data/subject=BT01/x.parquet`, `data/participant=BT01/x.parquet` and `data/BT01/x.parquet`
    -> BT01; None when the file is not inside a participant folder."""
    parts = path[len(DATA_FOLDER):].split("/")
    if len(parts) < 2 or not parts[0]:
        return None
    folder = parts[0]
    if folder.startswith(FOLDER_PREFIX):
        return unquote(folder[len(FOLDER_PREFIX):])
    return folder[len(HIVE_PREFIX):] if folder.startswith(HIVE_PREFIX) else folder


def group_data_files(files: Iterable[SourceFile],
                     trials_map: Optional[Callable[[], Mapping[str, str]]] = None
                     ) -> Dict[str, Tuple[SourceFile, ...]]:
    """The data files of each participant, in path order.

    The folder names the participant. A file outside a participant folder is placed by the `trials`
    table (its `data_file` column), loaded only when such a file exists. If one participant has files
    in both folder forms (a Hub state in the middle of a layout migration), the current form wins.
    """
    by_form: Dict[Tuple[str, bool], List[SourceFile]] = {}
    loose: List[SourceFile] = []
    for file in files:
        if not is_data_file(file.path):
            continue
        participant = folder_participant(file.path)
        if participant is None:
            loose.append(file)
            continue
        hive = file.path[len(DATA_FOLDER):].startswith(HIVE_PREFIX)
        by_form.setdefault((participant, hive), []).append(file)
    if loose:
        table = trials_map() if trials_map is not None else {}
        for file in loose:
            if file.path not in table:
                raise ValueError(
                    f"Cannot tell whose trials {file.path} holds: it is not in a participant folder "
                    f"and no {TRIALS_TABLE} names it")
            by_form.setdefault((table[file.path], False), []).append(file)
    grouped: Dict[str, Tuple[SourceFile, ...]] = {}
    for (participant, hive), group in sorted(by_form.items()):
        if hive and (participant, False) in by_form:
            log.warning("exo_dataset: %s has files in both layouts; using data/%s%s/",
                        participant, FOLDER_PREFIX, participant)
            continue
        grouped[participant] = tuple(sorted(group, key=lambda f: f.path))
    return grouped
