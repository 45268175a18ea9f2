import io
import unittest


class Messages(unittest.TestCase):
    def runTest(self):
        pass


t = Messages()


def show(f, *args, **kwargs):
    try:
        f(*args, **kwargs)
    except AssertionError as e:
        print(type(e).__name__, "|", e)
    else:
        print("passed")


show(t.assertEqual, 1, 2)
show(t.assertEqual, 1, 2, "custom")
show(t.assertNotEqual, "a", "a")
show(t.assertTrue, 0)
show(t.assertFalse, [1])
show(t.assertIs, None, 0)
show(t.assertIsNot, t, t)
show(t.assertIsNone, 5)
show(t.assertIsNotNone, None)
show(t.assertIn, 4, [1, 2])
show(t.assertNotIn, 1, (1, 2))
show(t.assertIsInstance, 1, str)
show(t.assertNotIsInstance, 1, int)
show(t.assertGreater, 1, 2)
show(t.assertGreaterEqual, 1, 2)
show(t.assertLess, 2, 1)
show(t.assertLessEqual, 2, 1)
show(t.assertAlmostEqual, 1.0, 1.1)
show(t.assertAlmostEqual, 1.0, 1.00000001)
show(t.assertAlmostEqual, 1.0, 1.5, delta=0.1)
show(t.assertNotAlmostEqual, 1.0, 1.00000001)
show(t.assertNotAlmostEqual, 1.0, 1.05, delta=0.1)
show(t.assertSetEqual, {1, 2}, {2, 3})
show(t.assertCountEqual, [1, 1, 2], [1, 2, 2])
show(t.assertCountEqual, [[1], [2], [2]], [[2], [3]])
show(t.assertCountEqual, iter("aab"), "abc")
show(t.assertCountEqual, [3, 1], (1, 3))
show(t.assertRegex, "hello", "^w")
show(t.assertNotRegex, "hello", "l+")
show(t.assertRaises(ValueError).__exit__, None, None, None)
show(t.assertRaises, ValueError, len, [])
show(t.assertRaisesRegex, ValueError, "abc", int, "x")
show(t.assertEqual, 10 ** 100, 10 ** 100 + 1)
# (Tuple and list differences: CPython appends an ndiff of the two, which kaa does not yet.)
show(t.fail, "nope")
try:
    t.assertRaises(3)
except TypeError as e:
    print("TypeError", e)
try:
    t.skipTest("why")
except unittest.SkipTest as e:
    print("SkipTest", e)
t.longMessage = False
show(t.assertEqual, 1, 2, "only this")
print(str(t), repr(t), t.id())


class Setup(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise RuntimeError("no fixture")

    def test_x(self):
        pass


class Plain(unittest.TestCase):
    def test_ok(self):
        pass

    def test_bad(self):
        self.assertEqual("a", "a")
        raise KeyError("k")

    @unittest.skipIf(True, "skipped by condition")
    def test_cond(self):
        pass

    @unittest.expectedFailure
    def test_unexpected(self):
        pass


@unittest.skip("whole class")
class Skipped(unittest.TestCase):
    def test_one(self):
        pass


loader = unittest.TestLoader()
suite = unittest.TestSuite()
for cls in (Setup, Plain, Skipped):
    suite.addTests(loader.loadTestsFromTestCase(cls))
print(suite.countTestCases())
buf = io.StringIO()
result = unittest.TextTestRunner(stream=buf).run(suite)
for line in buf.getvalue().splitlines():
    print("Ran" if line.startswith("Ran ") else line.replace(__file__, "<this file>"))
print(result)
print(result.testsRun, len(result.errors), len(result.failures), len(result.skipped),
      len(result.unexpectedSuccesses), result.wasSuccessful())
print([str(t) for t, _ in result.skipped])
print(loader.getTestCaseNames(Plain))


def plain_function():
    assert 2 + 2 == 4


fr = unittest.TestResult()
unittest.FunctionTestCase(plain_function).run(fr)
print(fr.testsRun, fr.wasSuccessful(), fr)
print(unittest.TestCase.__module__, unittest.TextTestRunner.__module__)


# unittest.main on this module (exit=False, output captured, the timing masked).
class Verbose(unittest.TestCase):
    def setUp(self):
        self.items = [1, 2, 3]

    def test_equal(self):
        """Lists compare."""
        self.assertEqual(self.items, [1, 2, 3])

    def test_fail(self):
        self.assertEqual(1 + 1, 3)

    def test_subtests(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 2)

    def test_cleanup_order(self):
        self.addCleanup(print, "cleanup 1")
        self.addCleanup(print, "cleanup 2")


buf = io.StringIO()
prog = unittest.main(argv=["prog", "Verbose"], exit=False,
                     testRunner=unittest.TextTestRunner(stream=buf, verbosity=2))
for line in buf.getvalue().splitlines():
    print("Ran" if line.startswith("Ran ") else line.replace(__file__, "<this file>"))
print(prog.result.wasSuccessful(), len(prog.result.failures))
