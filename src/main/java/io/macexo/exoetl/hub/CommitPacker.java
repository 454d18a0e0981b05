package io.macexo.exoetl.hub;

import io.macexo.exoetl.hub.SyncPlan.Change;
import io.macexo.exoetl.hub.SyncPlan.CommitBatch;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Packs the next commit from the changes still to commit: whole changes, in plan order, while they
 * fit in the current commit size, so a participant's new files and the deletion of its old ones
 * land together and the Hub never serves both. A change bigger than the size on its own still goes
 * whole, alone; only one bigger than the largest commit allowed ({@link CommitSizing#max()}) is
 * split (its adds first), the rest going back to the front of the queue. Pure apart from taking
 * from the queue.
 */
final class CommitPacker {
  private CommitPacker() {}

  /**
   * The next commit.
   *
   * @param full true when more work was waiting that did not fit: the size limited this commit
   */
  record Packed(CommitBatch batch, boolean full) {}

  /**
   * Takes the next commit's changes from the front of {@code queue} (which must not be empty).
   *
   * @param size the current commit size
   * @param max the largest commit allowed, above which a single change is split
   */
  static Packed next(Deque<Change> queue, int size, int max) {
    List<Change> taken = new ArrayList<>();
    int operations = 0;
    while (!queue.isEmpty()) {
      Change next = queue.peekFirst();
      if (operations + next.size() <= size) {
        taken.add(queue.pollFirst());
        operations += next.size();
      } else {
        if (taken.isEmpty() && next.size() <= max) {
          taken.add(queue.pollFirst());
        } else if (taken.isEmpty()) {
          List<Change> pieces = queue.pollFirst().split(max);
          taken.add(pieces.get(0));
          queue.addFirst(pieces.get(1));
        }
        break;
      }
    }
    return new Packed(new CommitBatch(taken), !queue.isEmpty());
  }
}
