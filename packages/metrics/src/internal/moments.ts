/**
 * Running count, mean and sum of squared deviations (Welford, Technometrics
 * 4(3), 1962), merged with the pairwise update of Chan, Golub & LeVeque
 * ("Algorithms for Computing the Sample Variance", 1979/1983). Constant
 * memory and no allocation; merges agree with one pass to floating-point
 * rounding (the mean exactly when the values are integers whose sum stays
 * below 2^53).
 */
export class Moments {
  n = 0
  sum = 0
  mean = 0
  m2 = 0

  add(x: number): void {
    this.n++
    this.sum += x
    const delta = x - this.mean
    this.mean += delta / this.n
    this.m2 += delta * (x - this.mean)
  }

  merge(other: Moments): void {
    if (other.n === 0) return
    if (this.n === 0) {
      this.n = other.n
      this.sum = other.sum
      this.mean = other.mean
      this.m2 = other.m2
      return
    }
    const n = this.n + other.n
    const delta = other.mean - this.mean
    this.m2 += other.m2 + (delta * delta * this.n * other.n) / n
    this.n = n
    this.sum += other.sum
    this.mean = this.sum / n
  }

  /** The mean as sum / n, which is exact for integer data and independent of merge order. */
  exactMean(): number {
    return this.sum / this.n
  }

  reset(): void {
    this.n = 0
    this.sum = 0
    this.mean = 0
    this.m2 = 0
  }
}
