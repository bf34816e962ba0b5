/* module.c - dlopen() without trusting the file: see module.h. */
#define _GNU_SOURCE /* dladdr1 */
#include "module.h"

#include <dlfcn.h>
#include <elf.h>
#include <link.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"

/* True when [off, off + len) lies within size bytes (no overflow). */
static int
within(uint64_t off, uint64_t len, uint64_t size)
{
	return off <= size && len <= size - off;
}

const char *
module_elf_problem(int fd)
{
	struct stat st;
	if (fstat(fd, &st) < 0)
		return "cannot be examined";
	uint64_t size = (uint64_t)st.st_size;
	ElfW(Ehdr) eh;
	if (pread(fd, &eh, sizeof eh, 0) != (ssize_t)sizeof eh || memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0)
		return "is not a shared object (no ELF header)";
	if (eh.e_ident[EI_CLASS] != (sizeof(void *) == 8 ? ELFCLASS64 : ELFCLASS32))
		return "is built for another kind of machine";
	if (eh.e_type != ET_DYN)
		return "is not a shared object";
	if (eh.e_phentsize != sizeof(ElfW(Phdr)) || eh.e_phnum == 0 ||
	    !within(eh.e_phoff, (uint64_t)eh.e_phnum * eh.e_phentsize, size))
		return "is damaged (its program headers are cut off)";
	if (eh.e_shoff != 0 && !within(eh.e_shoff, (uint64_t)eh.e_shnum * eh.e_shentsize, size))
		return "is damaged (cut short: its section headers are missing)";
	for (unsigned i = 0; i < eh.e_phnum; i++) {
		ElfW(Phdr) ph;
		if (pread(fd, &ph, sizeof ph, (off_t)(eh.e_phoff + (uint64_t)i * sizeof ph)) != (ssize_t)sizeof ph)
			return "cannot be read";
		if ((ph.p_type == PT_LOAD || ph.p_type == PT_DYNAMIC) && !within(ph.p_offset, ph.p_filesz, size))
			return "is damaged (cut short: a segment runs past the end of the file)";
	}
	return NULL;
}

const void *
module_load(const char *path, const char *symbol, unsigned abi, size_t size, void **handle, char *why,
    size_t whylen)
{
	*handle = NULL;
	const char *bad;
	int fd = file_open_read(path, FILE_ANY, &bad);
	if (fd < 0) {
		snprintf(why, whylen, "%s", bad);
		return NULL;
	}
	if ((bad = module_elf_problem(fd)) != NULL) {
		snprintf(why, whylen, "%s", bad);
		close(fd);
		return NULL;
	}
	/* the file just checked, not whatever the path names by now */
	char self[64];
	snprintf(self, sizeof self, "/proc/self/fd/%d", fd);
	void *h = dlopen(self, RTLD_NOW | RTLD_LOCAL);
	close(fd);
	if (h == NULL) {
		const char *e = dlerror();
		snprintf(why, whylen, "cannot be loaded (%s)", e ? e : "dlopen failed");
		return NULL;
	}
	const void *table = dlsym(h, symbol);
	const ElfW(Sym) *sym = NULL;
	Dl_info info;
	if (table == NULL)
		snprintf(why, whylen, "has no %s", symbol);
	else if (dladdr1(table, &info, (void **)&sym, RTLD_DL_SYMENT) == 0 || sym == NULL ||
	    sym->st_size != size)
		snprintf(why, whylen, "is for another version of unknot (%s has the wrong size)", symbol);
	else if (((const struct module_header *)table)->abi != abi)
		snprintf(why, whylen, "is for another version of unknot (ABI %u, this unknot needs %u)",
		    ((const struct module_header *)table)->abi, abi);
	else if (((const struct module_header *)table)->size != size)
		snprintf(why, whylen, "is for another version of unknot (its table says %u bytes, not %zu)",
		    ((const struct module_header *)table)->size, size);
	else {
		*handle = h;
		return table;
	}
	dlclose(h);
	return NULL;
}
