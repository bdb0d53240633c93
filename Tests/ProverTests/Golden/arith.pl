% Integer arithmetic.
% query: X is 7 + 3 * 2 - 1
% query: X is 7 // 2, Y is -7 // 2, Z is 7 mod -2, W is -7 rem 2
% query: X is min(3, 4) + max(3, 4) + abs(-5) + sign(-3)
% query: X is 17 div 5, Y is -17 div 5
% query: X is 5 /\ 3, Y is 5 \/ 3, Z is 5 xor 3, W is \ 5
% query: X is 1 << 10, Y is 1024 >> 3
% query: X is gcd(12, 18)
% query: X is 2 ^ 10, Y is 2 ** 3
% query: 1 + 2 =:= 3, 2 * 3 =\= 5, 1 < 2, 2 > 1, 2 =< 2, 3 >= 2
% query: 3 < 2
% query: X is "a" + 0
% query: X = 3, Y is X * X
