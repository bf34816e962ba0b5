/*
 * module.h - loading a shared object with dlopen() without trusting it.
 *
 * A module file may be truncated (a build or an install cut short): the
 * dynamic loader maps its segments, and touching a page past the end of
 * the file raises SIGBUS inside dlopen(), while curses owns the terminal.
 * A module may also be built for another version of the table it
 * exports.  module_load() therefore opens the file itself (file.h:
 * regular files only), checks that the ELF headers and every segment the
 * loader maps lie within the file, loads that very file (through
 * /proc/self/fd, so nothing can be swapped in between), and checks the
 * exported table before anyone calls through it: the symbol's size, then
 * the ABI number and size the table starts with (as cmus checks an
 * output plugin's op_abi_version).
 */
#ifndef UNKNOT_MODULE_H
#define UNKNOT_MODULE_H

#include <stddef.h>

/* Every table a module exports starts with these two fields. */
struct module_header {
	unsigned abi;  /* the table's version: bumped on any change of its shape */
	unsigned size; /* sizeof the table the module was built with */
};

/*
 * Load path and return its symbol, a table of size bytes that starts with
 * a struct module_header holding abi and size; *handle gets the dlopen
 * handle (for dlclose).  On failure returns NULL with why (a sentence
 * without the path) and nothing loaded.
 */
const void *module_load(const char *path, const char *symbol, unsigned abi, size_t size, void **handle,
    char *why, size_t whylen);

/* NULL when the ELF file open on fd is whole (every header and mapped
 * segment within its size), else why not. */
const char *module_elf_problem(int fd);

#endif
