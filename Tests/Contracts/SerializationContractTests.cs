using System.Reflection;
using RegionSim.Accounts;
using RegionSim.Images;

namespace RegionSim.Tests.Contracts;

/// <summary>
/// Orleans fails only at run time when a serialized member lacks an [Id]; these tests make it fail at
/// build-and-test time instead.
/// </summary>
public sealed class SerializationContractTests
{
    public static TheoryData<string> SerializedTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in Assemblies.SelectMany(a => a.GetTypes()).Where(IsGenerated).OrderBy(t => t.FullName))
        {
            data.Add(type.AssemblyQualifiedName!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SerializedTypes))]
    public void Every_serialized_member_has_an_Id(string typeName)
    {
        var type = Type.GetType(typeName)!;
        if (type.IsEnum)
        {
            return;
        }

        var missing = type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly)
            .Where(p => p.CanWrite || p.GetSetMethod(nonPublic: true) is not null)
            .Where(p => p.GetCustomAttribute<IdAttribute>() is null && !IsPrimaryConstructorProperty(type, p))
            .Select(p => p.Name)
            .ToList();
        Assert.True(missing.Count == 0, $"{type.Name} serializes without [Id]: {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_contract_assemblies_have_serialized_types()
    {
        var types = Assemblies.SelectMany(a => a.GetTypes()).Where(IsGenerated).ToList();
        Assert.Contains(typeof(Image), types);
        Assert.Contains(typeof(RegionSim.Images.ImageGrainState), types);
    }

    [Fact]
    public void Grain_interfaces_and_their_methods_carry_aliases()
    {
        var interfaces = typeof(IAccountGrain).Assembly.GetTypes().Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t));
        foreach (var grainInterface in interfaces)
        {
            Assert.True(grainInterface.GetCustomAttribute<AliasAttribute>() is not null, $"{grainInterface.Name} has no [Alias]");
            foreach (var method in grainInterface.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                Assert.True(method.GetCustomAttribute<AliasAttribute>() is not null, $"{grainInterface.Name}.{method.Name} has no [Alias]");
            }
        }
    }

    private static IEnumerable<Assembly> Assemblies => [typeof(Image).Assembly, typeof(RegionSim.Images.ImageGrain).Assembly];

    private static bool IsGenerated(Type type) => type.GetCustomAttribute<GenerateSerializerAttribute>() is not null;

    // Positional records serialize their primary constructor parameters in order, with [property: Id(n)].
    private static bool IsPrimaryConstructorProperty(Type type, PropertyInfo property) =>
        property.GetCustomAttribute<IdAttribute>() is not null
        || type.GetConstructors().Any(c => c.GetParameters().Any(p => p.Name == property.Name && p.GetCustomAttribute<IdAttribute>() is not null));
}
