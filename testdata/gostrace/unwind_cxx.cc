// Stack traces (-k) through C++ code: demangled names of methods,
// constructors, destructors, operators, templates, lambdas and
// anonymous-namespace functions.
#include <unistd.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace shapes {
struct Widget {
	int v;
	explicit Widget(int x) : v(x) { close(-10 - x); }
	~Widget() { close(-20 - v); }
	void poke(const char *s, std::string &t) const { write(1, s, 1); t += s; }
	int operator()(long n) { return close(-30 - static_cast<int>(n)); }
};

template <typename T>
__attribute__((noinline)) T twice(T a, std::vector<T> &v)
{
	close(-40);
	v.push_back(a);
	return a + a;
}
} // namespace shapes

namespace {
__attribute__((noinline)) void anon(std::map<int, std::string> &m)
{
	close(-50 - static_cast<int>(m.size()));
}
} // namespace

__attribute__((noinline)) void run(const std::function<void(int)> &f) { f(3); }

int main()
{
	std::string s("x");
	{
		shapes::Widget w(1);
		w.poke("a", s);
		w(3L);
	}
	std::vector<double> v;
	shapes::twice(1.5, v);
	std::map<int, std::string> m;
	anon(m);
	run([&s](int n) { close(-60 - n - static_cast<int>(s.size())); });
	return 0;
}
