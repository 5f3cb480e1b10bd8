package io.newsflow.tools.topics;

/**
 * Limited-memory BFGS (Nocedal and Wright, algorithm 7.4) with a backtracking Armijo line search, for the smooth
 * convex losses the topic trainer minimises. Deterministic: the same function and start give the same result.
 */
final class Lbfgs {
    /** A differentiable function: returns f(x) and writes its gradient into {@code grad}. */
    interface Function {
        double valueAndGradient(double[] x, double[] grad);
    }

    private static final int MEMORY = 10;
    private static final double TOLERANCE = 1e-6;

    private Lbfgs() {
    }

    /** Minimises from {@code x} (updated in place and returned), at most {@code maxIterations} steps. */
    static double[] minimise(Function f, double[] x, int maxIterations) {
        int n = x.length;
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        double[][] s = new double[MEMORY][];
        double[][] y = new double[MEMORY][];
        double[] rho = new double[MEMORY];
        double[] alpha = new double[MEMORY];
        int stored = 0;
        int head = 0;
        double[] d = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        for (int iter = 0; iter < maxIterations; iter++) {
            if (norm(g) <= TOLERANCE * Math.max(1, norm(x))) {
                break;
            }
            // Two-loop recursion: d = -H g.
            System.arraycopy(g, 0, d, 0, n);
            for (int k = 0; k < stored; k++) {
                int j = Math.floorMod(head - 1 - k, MEMORY);
                alpha[j] = rho[j] * dot(s[j], d);
                axpy(-alpha[j], y[j], d);
            }
            if (stored > 0) {
                int last = Math.floorMod(head - 1, MEMORY);
                double gamma = dot(s[last], y[last]) / dot(y[last], y[last]);
                scale(d, gamma);
            } else {
                scale(d, 1 / Math.max(1e-12, norm(g)));
            }
            for (int k = stored - 1; k >= 0; k--) {
                int j = Math.floorMod(head - 1 - k, MEMORY);
                double beta = rho[j] * dot(y[j], d);
                axpy(alpha[j] - beta, s[j], d);
            }
            scale(d, -1);
            double slope = dot(g, d);
            if (slope >= 0) { // not a descent direction: restart from steepest descent
                stored = 0;
                System.arraycopy(g, 0, d, 0, n);
                scale(d, -1 / Math.max(1e-12, norm(g)));
                slope = dot(g, d);
            }
            double step = 1;
            double fNew;
            int tries = 0;
            while (true) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * d[i];
                }
                fNew = f.valueAndGradient(xNew, gNew);
                if (fNew <= fx + 1e-4 * step * slope || ++tries > 40) {
                    break;
                }
                step *= 0.5;
            }
            if (tries > 40) {
                break;
            }
            double[] sk = new double[n];
            double[] yk = new double[n];
            for (int i = 0; i < n; i++) {
                sk[i] = xNew[i] - x[i];
                yk[i] = gNew[i] - g[i];
            }
            double sy = dot(sk, yk);
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            double improvement = fx - fNew;
            fx = fNew;
            if (sy > 1e-12) {
                s[head] = sk;
                y[head] = yk;
                rho[head] = 1 / sy;
                head = (head + 1) % MEMORY;
                stored = Math.min(stored + 1, MEMORY);
            }
            if (improvement <= 1e-10 * Math.max(1, Math.abs(fx))) {
                break;
            }
        }
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static void scale(double[] x, double a) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= a;
        }
    }
}
