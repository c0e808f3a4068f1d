/* Runs a command and prints its peak resident memory in KiB on stderr's
 * last line ("peakrss N"). Linux counts the memory a child had before
 * exec, so a small parent like this one, not Python, must start it. */
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: peakrss COMMAND [ARG…]\n");
        return 64;
    }
    pid_t pid = fork();
    if (pid < 0)
        return 71;
    if (pid == 0) {
        execvp(argv[1], argv + 1);
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0)
        return 71;
    fprintf(stderr, "peakrss %ld\n", ru.ru_maxrss);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
