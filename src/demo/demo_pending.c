/* Filled once the dispute, aid and training modules land. */
#include "demo_internal.h"

int demo_aid(struct demo_ctx *c, struct ud_err *err) { (void)c; (void)err; return UD_OK; }
int demo_training(struct demo_ctx *c, struct ud_err *err) { (void)c; (void)err; return UD_OK; }
