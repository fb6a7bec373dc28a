package io.drover.scheduler;

import io.drover.scheduler.select.EvalContext;
import io.drover.scheduler.select.GenericStack;
import io.drover.scheduler.select.SystemStack;
import io.drover.scheduler.select.Stack;

/**
 * Makes the placement stack for one scheduler run. The schedulers are written against
 * {@link Stack}; production wires Nomad's GenericStack and SystemStack, tests may wire simpler ones.
 */
public interface StackFactory {
    /** Nomad's stacks: feasibility, bin packing, affinities and spreads. */
    StackFactory NOMAD = new StackFactory() {
        @Override
        public Stack generic(boolean batch, EvalContext ctx) {
            return new GenericStack(batch, ctx);
        }

        @Override
        public Stack system(EvalContext ctx) {
            return new SystemStack(ctx);
        }
    };

    /** The stack for service ({@code batch} false) and batch jobs. */
    Stack generic(boolean batch, EvalContext ctx);

    /** The stack for system jobs: one node at a time, no ranking among nodes. */
    Stack system(EvalContext ctx);
}
