# SPDX-License-Identifier: GPL-2.0
# Wrap the map hook calls Coccinelle wrote on one over-long line (it
# wraps the arguments of a call statement, not those of a call in an if
# condition): the arguments go on continuation lines aligned with the
# call's open parenthesis, filled to 80 columns, as checkpatch wants.
# usage: awk -v hook=NAME -f reflow-hook-calls.awk FILE
function width(s,   i, w) {
	w = 0
	for (i = 1; i <= length(s); i++)
		w = substr(s, i, 1) == "\t" ? w - w % 8 + 8 : w + 1
	return w
}
# Coccinelle writes the registration function's brace on its line.
/^int (__init )?ioremap_guard_register\(.*\)\{$/ { sub(/\{$/, ""); print; print "{"; next }
{
	at = index($0, hook "(")
	if (!at || width($0) <= 80) { print; next }
	head = substr($0, 1, at + length(hook))
	rest = substr($0, at + length(hook) + 1)
	# the arguments: split at commas outside parentheses, up to the
	# call's closing parenthesis; the rest of the line follows it
	n = 0; depth = 0; arg = ""
	for (i = 1; i <= length(rest); i++) {
		c = substr(rest, i, 1)
		if (c == "(") depth++
		if (c == ")" && depth-- == 0) break
		if (c == "," && depth == 0) { args[++n] = arg; arg = ""; sub(/^ /, "", rest); continue }
		if (arg == "" && c == " ") continue
		arg = arg c
	}
	args[++n] = arg
	tail = substr(rest, i)
	col = width(head)
	line = head
	for (k = 1; k <= n; k++) {
		piece = args[k] (k < n ? "," : tail)
		if (k > 1 && width(line " " piece) > 80) {
			print line
			line = sprintf("%s%" col % 8 "s", substr("\t\t\t\t\t\t\t\t\t\t", 1, int(col / 8)), "") piece
		} else {
			line = line (k > 1 ? " " : "") piece
		}
	}
	print line
}
