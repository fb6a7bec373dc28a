/**
 * Nomad's schedulers as pure functions: a read-only {@link io.drover.state.StateReader} and an
 * evaluation in, a plan submitted to a {@code Planner} out. No Ratis, no sockets, no clocks:
 * time and randomness are passed in.
 */
package io.drover.scheduler;
