#pragma once
// The reprojection residual of bench/reprojection.hpp and its Jacobian written by hand, as a
// Ceres cost function: the reference that bench/ceres_cost.cpp times leibniz's adapter and
// Ceres' Jet against, and the third cost function of examples/ceres_bundle_adjustment.cpp.
//
// By the chain rule through the residual's steps, each shared quantity computed once:
//   theta = |a|, w = a / theta, c = cos theta, s = sin theta, P = c X + s (w x X) + (1 - c)(w.X) w + t,
//   (x, y) = -(P0, P1) / P2, r2 = x^2 + y^2, D = 1 + r2 (k1 + k2 r2), residual = f D (x, y) - (u, v).
// Row i of dr/dP is b_i = -(1 / P2) (A_i0, A_i1, h p_i) with p = (x, y), A = f D I + g p p^T,
// g = 2 f dD/dr2, h = f D + g r2. The blocks are the rows b_i pulled back (one vector-Jacobian
// product per row, no 3 x 3 matrix formed):
//   point:    b R = c b + s (b x w) + (1 - c)(b.w) w
//   rotation: b dP/da = (b.v) w + (s (X x b) + (1 - c)((w.X) b + (b.w) X)) / theta,
//             v = -s X + (c - s / theta)(w x X) + (s - 2 (1 - c) / theta)(w.X) w   (shared by both rows)
//   translation b, focal D p_i, k1 f r2 p_i, k2 f r2^2 p_i.
// Two divisions (1 / theta, 1 / P2), one sine and one cosine; a null block is not computed.
#include <ceres/sized_cost_function.h>

#include <cmath>

namespace bench {

class analytic_reprojection_cost final : public ceres::SizedCostFunction<2, 9, 3> {
public:
    analytic_reprojection_cost(double observed_u, double observed_v) : u_(observed_u), v_(observed_v) {}

    bool Evaluate(double const* const* parameters, double* residuals, double** jacobians) const override {
        double const* const cam = parameters[0];
        double const* const X = parameters[1];
        double const a0 = cam[0], a1 = cam[1], a2 = cam[2];
        double const x0 = X[0], x1 = X[1], x2 = X[2];
        double const theta = std::sqrt(a0 * a0 + a1 * a1 + a2 * a2);
        double const c = std::cos(theta), s = std::sin(theta);
        double const inverse = 1 / theta;
        double const w0 = a0 * inverse, w1 = a1 * inverse, w2 = a2 * inverse;
        double const one_c = 1 - c;
        double const wX = w0 * x0 + w1 * x1 + w2 * x2;
        double const along = wX * one_c;
        double const cr0 = w1 * x2 - w2 * x1, cr1 = w2 * x0 - w0 * x2, cr2 = w0 * x1 - w1 * x0;  // w x X
        double const P0 = x0 * c + cr0 * s + w0 * along + cam[3];
        double const P1 = x1 * c + cr1 * s + w1 * along + cam[4];
        double const P2 = x2 * c + cr2 * s + w2 * along + cam[5];
        double const iz = 1 / P2;
        double const xp = -P0 * iz, yp = -P1 * iz;
        double const f = cam[6], k1 = cam[7], k2 = cam[8];
        double const r2 = xp * xp + yp * yp;
        double const D = 1 + r2 * (k1 + k2 * r2);
        double const fD = f * D;
        residuals[0] = fD * xp - u_;
        residuals[1] = fD * yp - v_;
        if (jacobians == nullptr) return true;
        double* const camera_block = jacobians[0];
        double* const point_block = jacobians[1];
        if (camera_block == nullptr && point_block == nullptr) return true;

        // rows of dr/dP
        double const g = 2 * f * (k1 + 2 * k2 * r2);
        double const gxy = g * xp * yp, h = fD + g * r2;
        double const m = -iz;
        double const b00 = m * (fD + g * xp * xp), b01 = m * gxy, b02 = m * h * xp;
        double const b10 = m * gxy, b11 = m * (fD + g * yp * yp), b12 = m * h * yp;
        double const bw0 = b00 * w0 + b01 * w1 + b02 * w2, bw1 = b10 * w0 + b11 * w1 + b12 * w2;

        if (point_block != nullptr) {  // 2 x 3: b R = c b + s (b x w) + (1 - c)(b.w) w
            double const q0 = one_c * bw0, q1 = one_c * bw1;
            point_block[0] = c * b00 + s * (b01 * w2 - b02 * w1) + q0 * w0;
            point_block[1] = c * b01 + s * (b02 * w0 - b00 * w2) + q0 * w1;
            point_block[2] = c * b02 + s * (b00 * w1 - b01 * w0) + q0 * w2;
            point_block[3] = c * b10 + s * (b11 * w2 - b12 * w1) + q1 * w0;
            point_block[4] = c * b11 + s * (b12 * w0 - b10 * w2) + q1 * w1;
            point_block[5] = c * b12 + s * (b10 * w1 - b11 * w0) + q1 * w2;
        }
        if (camera_block != nullptr) {  // 2 x 9: rotation, translation, focal, k1, k2
            double const s_t = s * inverse, one_c_t = one_c * inverse, along_t = along * inverse;
            double const cv = c - s_t, wv = (s - 2 * one_c_t) * wX;
            double const v0 = -s * x0 + cv * cr0 + wv * w0;
            double const v1 = -s * x1 + cv * cr1 + wv * w1;
            double const v2 = -s * x2 + cv * cr2 + wv * w2;
            double const fr2 = f * r2;
            auto row = [&](double* J, double b0, double b1, double b2, double bw, double p) {
                double const bv = b0 * v0 + b1 * v1 + b2 * v2;
                double const q = one_c_t * bw;
                J[0] = bv * w0 + s_t * (x1 * b2 - x2 * b1) + along_t * b0 + q * x0;
                J[1] = bv * w1 + s_t * (x2 * b0 - x0 * b2) + along_t * b1 + q * x1;
                J[2] = bv * w2 + s_t * (x0 * b1 - x1 * b0) + along_t * b2 + q * x2;
                J[3] = b0;
                J[4] = b1;
                J[5] = b2;
                J[6] = D * p;
                J[7] = fr2 * p;
                J[8] = fr2 * r2 * p;
            };
            row(camera_block, b00, b01, b02, bw0, xp);
            row(camera_block + 9, b10, b11, b12, bw1, yp);
        }
        return true;
    }

private:
    double u_, v_;
};

}  // namespace bench
