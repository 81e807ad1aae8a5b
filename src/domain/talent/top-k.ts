/**
 * The best K items of a stream under a strict total order, in O(n log K) time and O(K) space: a
 * binary heap whose root is the worst item kept, so a newcomer only has to beat the root.
 */
export class TopK<T> {
  private readonly heap: T[] = [];

  /**
   * @param k how many items to keep (0 keeps none)
   * @param better `better(a, b)` is true when a ranks before b; must be a strict total order
   */
  constructor(
    private readonly k: number,
    private readonly better: (a: T, b: T) => boolean,
  ) {
    if (!Number.isInteger(k) || k < 0) {
      throw new RangeError(`k must be a whole number ≥ 0, got ${k}`);
    }
  }

  get size(): number {
    return this.heap.length;
  }

  /** The worst item kept, or undefined when empty. */
  peekWorst(): T | undefined {
    return this.heap[0];
  }

  /** True when `item` would be kept (the heap is not full, or it beats the worst kept). */
  wouldKeep(item: T): boolean {
    if (this.heap.length < this.k) {
      return true;
    }
    const worst = this.heap[0];
    return worst !== undefined && this.better(item, worst);
  }

  push(item: T): void {
    if (this.k === 0) {
      return;
    }
    if (this.heap.length < this.k) {
      this.heap.push(item);
      this.siftUp(this.heap.length - 1);
      return;
    }
    const worst = this.heap[0];
    if (worst !== undefined && this.better(item, worst)) {
      this.heap[0] = item;
      this.siftDown(0);
    }
  }

  /** The kept items, best first. */
  sorted(): T[] {
    return [...this.heap].sort((a, b) => (this.better(a, b) ? -1 : this.better(b, a) ? 1 : 0));
  }

  // Heap order: a parent is worse than (or equal to) its children.
  private worse(i: number, j: number): boolean {
    return this.better(this.heap[j] as T, this.heap[i] as T);
  }

  private siftUp(start: number): void {
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, parent)) {
        return;
      }
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(start: number): void {
    let i = start;
    const n = this.heap.length;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < n && this.worse(left, worst)) {
        worst = left;
      }
      if (right < n && this.worse(right, worst)) {
        worst = right;
      }
      if (worst === i) {
        return;
      }
      this.swap(i, worst);
      i = worst;
    }
  }

  private swap(i: number, j: number): void {
    const t = this.heap[i] as T;
    this.heap[i] = this.heap[j] as T;
    this.heap[j] = t;
  }
}
