/* 培训: the courses screen (tab_course.c) and a course's enrolments
 * (tab_enrol.c), each a descriptor over screen.c. */
#ifndef UD_TUI_TRAINING_SCREENS_H
#define UD_TUI_TRAINING_SCREENS_H

#include "screen.h"
#include "uniondesk/training.h"

extern const struct tui_screen tui_course_screen;
extern const struct tui_screen tui_enrol_screen;

/* "30/12": places and enrolled; a course without a limit reads 不限/12. */
void course_places(const struct ud_course *c, char *out, size_t outsz);
/* a full course stands out (and reads '!' without colour) */
int course_full(const void *row);

#endif
