// SPDX-License-Identifier: GPL-2.0
/*
 * Who signs a generated series off: --signoff, else git config's
 * user.name and user.email, else the fallback the caller names (make run
 * passes one, so that the demo runs where git has no identity).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"
#include "ioguard.h"

/* "Name <mail@host>" */
static int well_formed(const char *id)
{
	const char *lt = strchr(id, '<');

	return lt && lt != id && strchr(lt, '>') && strchr(lt, '@');
}

static char *git_config(const char *key)
{
	char *argv[] = { "git", "config", (char *)key, NULL };
	char *value = run_capture(argv);

	if (value && !*value) {
		free(value);
		return NULL;
	}
	return value;
}

char *signoff_identity(const char *cmd, const char *signoff,
		       const char *fallback)
{
	char *name, *mail, *id = NULL;
	size_t n;

	if (signoff || fallback) {
		const char *given = signoff ? signoff : fallback;

		if (!well_formed(given)) {
			fprintf(stderr, "ioguard: %s: %s wants \"Name <mail@host>\"\n",
				cmd, signoff ? "--signoff" : "--fallback-signoff");
			return NULL;
		}
		if (signoff)
			return strdup(signoff);
	}
	name = git_config("user.name");
	mail = git_config("user.email");
	if (name && mail) {
		n = strlen(name) + strlen(mail) + 4;
		id = malloc(n);
		snprintf(id, n, "%s <%s>", name, mail);
	} else if (fallback) {
		id = strdup(fallback);
	} else {
		fprintf(stderr, "ioguard: %s: no Signed-off-by: set git config user.name and user.email, or pass --signoff \"Name <mail>\"\n",
			cmd);
	}
	free(name);
	free(mail);
	return id;
}

void identity_for_git(const char *id)
{
	const char *lt = strchr(id, '<'), *gt = strchr(lt, '>');
	size_t l = lt - id;
	char *name, *mail;

	while (l && id[l - 1] == ' ')
		l--;
	name = strndup(id, l);
	mail = strndup(lt + 1, gt - lt - 1);
	setenv("GIT_AUTHOR_NAME", name, 1);
	setenv("GIT_AUTHOR_EMAIL", mail, 1);
	setenv("GIT_COMMITTER_NAME", name, 1);
	setenv("GIT_COMMITTER_EMAIL", mail, 1);
	free(name);
	free(mail);
}
