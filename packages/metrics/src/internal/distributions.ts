// Normal and Student-t functions for intervals and tests. None runs in a hot
// path: they are called once per result.

const LOG_SQRT_2PI = 0.9189385332046728 // ln √(2π)

/**
 * The standard normal CDF Φ(x), by Marsaglia's Taylor series (G. Marsaglia,
 * "Evaluating the Normal Distribution", Journal of Statistical Software 11(4),
 * 2004): absolute error near 1e-15, enough for p-values and quantiles.
 */
export function normalCdf(x: number): number {
  if (x < -37) return 0
  if (x > 37) return 1
  if (x < -8 || x > 8) {
    // The series needs many terms out here; use Laplace's continued fraction
    // for the Mills ratio, Q(t) = φ(t) / (t + 1/(t + 2/(t + 3/(t + …)))).
    const t = Math.abs(x)
    let fraction = t
    for (let k = 60; k >= 1; k--) fraction = t + k / fraction
    const tail = normalPdf(t) / fraction
    return x < 0 ? tail : 1 - tail
  }
  let sum = x
  let term = x
  const q = x * x
  for (let i = 1; ; ) {
    i += 2
    term *= q / i
    const next = sum + term
    if (next === sum) break
    sum = next
  }
  return 0.5 + sum * Math.exp(-0.5 * q - LOG_SQRT_2PI)
}

/** The standard normal density φ(x). */
function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x - LOG_SQRT_2PI)
}

/**
 * The standard normal quantile Φ⁻¹(p), by Newton's method on {@link normalCdf}
 * (quadratic convergence; a handful of steps to full precision for 1e-12 < p < 1 − 1e-12).
 */
export function normalQuantile(p: number): number {
  if (p === 0.5) return 0
  if (p < 0.5) return -normalQuantile(1 - p)
  // Start from a rational approximation of the upper tail, then polish.
  const t = Math.sqrt(-2 * Math.log(1 - p))
  let x =
    t -
    (2.515517 + 0.802853 * t + 0.010328 * t * t) /
      (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t ** 3)
  for (let i = 0; i < 50; i++) {
    const step = (normalCdf(x) - p) / normalPdf(x)
    x -= step
    if (Math.abs(step) < 1e-15 * Math.max(1, Math.abs(x))) break
  }
  return x
}

// Lanczos approximation (g = 7, n = 9) of ln Γ(x) for x > 0.
const lanczos = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
]

function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x)
  const z = x - 1
  let a = lanczos[0]!
  const t = z + 7.5
  for (let i = 1; i < 9; i++) a += lanczos[i]! / (z + i)
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a)
}

// Continued fraction of the incomplete beta function, modified Lentz's method
// (Press et al., Numerical Recipes, 3rd ed., §6.4).
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300
  let c = 1
  let d = 1 - ((a + b) * x) / (a + 1)
  if (Math.abs(d) < tiny) d = tiny
  d = 1 / d
  let h = d
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2))
    d = 1 + aa * d
    if (Math.abs(d) < tiny) d = tiny
    c = 1 + aa / c
    if (Math.abs(c) < tiny) c = tiny
    d = 1 / d
    h *= d * c
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1))
    d = 1 + aa * d
    if (Math.abs(d) < tiny) d = tiny
    c = 1 + aa / c
    if (Math.abs(c) < tiny) c = tiny
    d = 1 / d
    const delta = d * c
    h *= delta
    if (Math.abs(delta - 1) < 1e-16) break
  }
  return h
}

/** The regularized incomplete beta function I_x(a, b). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0
  if (x >= 1) return 1
  const front = Math.exp(
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x),
  )
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(a, b, x)) / a
    : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b
}

/** Student's t CDF with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5)
  return t >= 0 ? 1 - tail : tail
}

/**
 * Student's t quantile for p in (0.5, 1), by bisection on {@link studentTCdf}
 * (monotone, so always converges; ~60 steps to double precision).
 */
export function studentTQuantile(p: number, df: number): number {
  if (df > 1e7) return normalQuantile(p)
  let lo = 0
  let hi = 1
  while (studentTCdf(hi, df) < p) hi *= 2
  for (let i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
    const mid = (lo + hi) / 2
    if (studentTCdf(mid, df) < p) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}
