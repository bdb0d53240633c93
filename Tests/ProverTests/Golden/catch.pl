% catch/3 and throw/1: builtin errors arrive as error(Formal, Context).
safe_div(X, Y, Z) :- catch(Z is X // Y, error(E, _), (Z = failed(E))).
p(1). p(2). p(3).
% query: catch(throw(oops), B, true)
% query: catch(X is foo + 1, error(type_error(T, V), _), true)
% query: safe_div(7, 2, Z)
% query: safe_div(7, 0, Z)
% query: catch(undefined_here, error(existence_error(procedure, PI), _), true)
% query: catch(throw(a), b, true)
% query-all: catch(p(X), _, true)
% query: catch(p(X), _, true), X > 1, throw(after)
% query: catch((p(X), X > 2), _, true)
% query: catch(catch(throw(inner), outer, write(wrong)), inner, write(right)), nl
