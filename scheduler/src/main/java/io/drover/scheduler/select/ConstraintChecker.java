package io.drover.scheduler.select;

import io.drover.model.Constraint;
import io.drover.model.node.Node;
import java.util.List;

/**
 * Checks hard constraints against a node (Nomad's {@code ConstraintChecker}). The first one
 * that fails filters the node, recorded under the constraint's text
 * ({@code ${attr.kernel.name} = linux}).
 */
final class ConstraintChecker implements FeasibilityChecker {
    private final EvalContext ctx;
    private List<Constraint> constraints;

    ConstraintChecker(EvalContext ctx, List<Constraint> constraints) {
        this.ctx = ctx;
        this.constraints = constraints == null ? List.of() : constraints;
    }

    void setConstraints(List<Constraint> constraints) {
        this.constraints = constraints == null ? List.of() : constraints;
    }

    @Override
    public boolean feasible(Node node) {
        for (Constraint c : constraints) {
            if (!meets(ctx, c, node)) {
                ctx.metrics().filterNode(node, describe(c));
                return false;
            }
        }
        return true;
    }

    static boolean meets(EvalContext ctx, Constraint c, Node node) {
        return ConstraintOperands.check(ctx, c.operand,
                NodeTargets.resolve(c.lTarget, node), NodeTargets.resolve(c.rTarget, node));
    }

    /** Nomad's Constraint.String: {@code LTarget Operand RTarget}. */
    static String describe(Constraint c) {
        return str(c.lTarget) + " " + str(c.operand) + " " + str(c.rTarget);
    }

    private static String str(String s) {
        return s == null ? "" : s;
    }
}
