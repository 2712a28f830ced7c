#ifndef AVANCE_CPROCESSCONTROL_SHIM_H
#define AVANCE_CPROCESSCONTROL_SHIM_H

// Linux process control Swift cannot call itself: prctl is variadic.
#include <signal.h>
#include <sys/prctl.h>

// Asks the kernel to send `signal` to this process when the thread that started it ends
// (PR_SET_PDEATHSIG): a PDF worker never outlives the avance that supervises it.
static inline int avance_set_parent_death_signal(int signal) {
    return prctl(PR_SET_PDEATHSIG, (unsigned long)signal, 0UL, 0UL, 0UL);
}

#endif
